//! Sorting the short lists the app sorts (a handful of levels, a plan's unit labels,
//! saved plans) by insertion: the standard library's sorts cost the wasm about 4 KB of
//! code for each element type, this a few hundred bytes. Quadratic, so for lists of at
//! most a few thousand items.

/// Sorts `items` so that `before(a, b)` holds for no later `a` and earlier `b`; equal items
/// keep their order (stable).
pub fn sort_by<T>(items: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` by `key`, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a) < key(b));
}

/// Sorts `items` and drops repeats.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, |a, b| a < b);
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every arrangement of a few items with repeats sorts as the standard sort does.
    #[test]
    fn sorts_as_the_standard_library_does() {
        let lists: [&[u8]; 6] = [
            &[],
            &[1],
            &[2, 1],
            &[3, 1, 2, 1],
            &[5, 4, 3, 2, 1, 0],
            &[1, 1, 0, 9, 4, 4, 2],
        ];
        for list in lists {
            let mut ours = list.to_vec();
            sort_dedup(&mut ours);
            let mut std = list.to_vec();
            std.sort_unstable();
            std.dedup();
            assert_eq!(ours, std, "{list:?}");
        }
    }

    /// Equal keys keep their order.
    #[test]
    fn is_stable() {
        let mut pairs = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (2, 'f')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(
            pairs,
            [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'f')]
        );
    }
}
