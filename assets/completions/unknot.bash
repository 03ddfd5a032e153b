# bash completion for unknot: commands, options, routine ids, symptom names, targets, levels.
# Commands and options are read from `unknot ... --help` as you type, routine ids from
# `unknot list --ids`, so the completion knows your own routines and never lags the program.
# Installed as /usr/share/bash-completion/completions/unknot; it needs no bash-completion
# helpers, so `source` works too.

# The words of a "Subcommands:" (what=commands) or "Options:" (what=options) list of
# `unknot PATH --help`.
_unknot_help_words() {
  local what=$1
  shift
  "$_unknot_binary" "$@" --help 2>/dev/null | awk -v what="$what" '
    /^[A-Z][a-z]*:$/ {section = $0; next}
    /^$/ {section = ""}
    what == "commands" && section == "Subcommands:" && /^  [a-z]/ {print $1}
    what == "options" && section == "Options:" && /^  -/ {
      n = split($1, names, ",")
      for (i = 1; i <= n; i++) if (names[i] ~ /^-/) print names[i]
    }'
}

_unknot_routine_ids() {
  "$_unknot_binary" list --ids 2>/dev/null
}

# Offers the words of $1 (none has a space) that start with the word being completed.
_unknot_offer() {
  # shellcheck disable=SC2207 # compgen prints one candidate a line
  COMPREPLY=($(compgen -W "$1" -- "$2"))
}

_unknot_files() {
  local IFS=$'\n'
  # shellcheck disable=SC2207
  COMPREPLY=($(compgen -f -- "$1"))
  compopt -o filenames 2>/dev/null
}

_unknot_dirs() {
  local IFS=$'\n'
  # shellcheck disable=SC2207
  COMPREPLY=($(compgen -d -- "$1"))
  compopt -o filenames 2>/dev/null
}

# A reminder or plan target: categories joined by "+", "routine:ID" or "any"; for plan start,
# "=COUNT" follows, which is left to the person.
_unknot_targets() {
  local cur=$1 head="" categories="stretch foam-roll massage strength thermal posture mixed"
  if [[ $cur == routine:* ]]; then
    _unknot_offer "$(_unknot_routine_ids | sed 's/^/routine:/')" "$cur"
    return
  fi
  if [[ $cur == *+* ]]; then head=${cur%+*}+; fi
  local words="" word
  for word in $categories; do words+="$head$word"$'\n'; done
  if [[ -z $head ]]; then
    words+="any"$'\n'"routine:"
    compopt -o nospace 2>/dev/null
  fi
  _unknot_offer "$words" "$cur"
  return 0
}

_unknot() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  local _unknot_binary=${COMP_WORDS[0]}  # the helpers see it (bash scoping is dynamic)
  COMPREPLY=()

  # The command path typed so far ("plan start"): words that name a command of the path before.
  local -a chain=()
  local i word commands
  commands=$(_unknot_help_words commands)
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    [[ $word == -* ]] && continue
    if grep -qxF -- "$word" <<<"$commands"; then
      chain+=("$word")
      commands=$(_unknot_help_words commands "${chain[@]}")
    fi
  done

  # The value of the option just typed.
  case $prev in
    --symptom | --gone)
      _unknot_offer "numbness weakness radiating swelling mobility injury saddle-numbness \
        bladder-bowel fever" "$cur"
      return
      ;;
    --target | --remove-target)
      _unknot_targets "$cur"
      return
      ;;
    --level | --side | --view | --paper | --run)
      local values
      case $prev in
        --level) values="gentle standard strong" ;;
        --side) values="left right both" ;;
        --view) values="library progress checkin plan notice" ;;
        --paper) values="a4 letter" ;;
        --run) values=$(_unknot_routine_ids) ;;
      esac
      _unknot_offer "$values" "$cur"
      return
      ;;
    --data-dir | --csv)
      _unknot_dirs "$cur"
      return
      ;;
    --pdf | --ics | --screenshot | --sheet | --open | --backup)
      _unknot_files "$cur"
      return
      ;;
    --pain | --tightness | --days | --weeks | --rest-days | --day-start | --note | --at | \
      --size | --time-scale | --date | --from | --to | --pose | --extra-sore-holds)
      return # a value the person types
      ;;
  esac

  if [[ $cur == -* ]]; then
    _unknot_offer "$(_unknot_help_words options "${chain[@]}")" "$cur"
    return
  fi
  if [[ -n $commands ]]; then
    _unknot_offer "$commands" "$cur"
    return
  fi
  # The command's own argument.
  case "${chain[*]}" in
    run | show) _unknot_offer "$(_unknot_routine_ids)" "$cur" ;;
    "plan level") _unknot_offer "gentle standard strong auto" "$cur" ;;
    validate | import | restore | merge | backup) _unknot_files "$cur" ;;
  esac
}

complete -F _unknot unknot
