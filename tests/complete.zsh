# Completes $2 in an interactive zsh (in a pseudo-terminal) whose $fpath holds $1, and
# prints each list of matches the completion system adds, one line a list. For
# tests/completions.rs.
zmodload zsh/zpty
zpty z zsh -f -i
# Reads the shell's output until a line holds $1, printing the matches on the way.
await() {
  local line
  integer tries=0
  while (( tries++ < 600 )); do
    if zpty -rt z line; then
      line=${line//$'\r'/}
      [[ $line == *MATCH:\ * ]] && print -r -- ${line##*MATCH: }
      [[ $line == *$1* ]] && return 0
    else
      sleep 0.05
    fi
  done
  print -u2 "zsh never printed $1"
  exit 1
}
zpty -w z "PROMPT=''; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; print \${(U):-ready}"
await READY
# Every match added is printed; once the completion is over, the shell says so and exits.
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a hits; builtin compadd -A hits "$@"; (( $#hits )) && print -r -- "${(U):-match}: ${(j: :)hits}"; builtin compadd "$@"; }; over() { print -r -- ${(U):-over}; exit }; comppostfuncs=(over); print ${(U):-set}'
await SET
zpty -n -w z "$2"$'\t'
await OVER
