//! The clock and fresh plan ids: the browser's in the app, the system's natively (the
//! pre-renderer).

use crate::catalogue::Date;

/// Milliseconds since 1970.
pub fn now() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64)
    }
}

/// Today's date.
pub fn today() -> Date {
    date_of(now())
}

/// The date of a moment (milliseconds since 1970).
pub fn date_of(ms: u64) -> Date {
    Date::from_days((ms / 86_400_000) as u32).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// A plan id no other tab or device will pick: random, below 2^53 so JavaScript reads it
/// exactly.
pub fn fresh_id() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64 + 1
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        (now() << 12 | NEXT.fetch_add(1, Ordering::Relaxed) & 0xfff) & ((1 << 53) - 1)
    }
}
