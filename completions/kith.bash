# bash completion for kith: commands, options, and the people and tiers of your network.
# Install: make install (to share/bash-completion/completions/kith), or source this file.

_kith_words() {
    # Asks kith itself, for the network the command line points at.
    kith "${_kith_dir[@]}" __complete "$1" 2>/dev/null
}

_kith() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local command="" i word positional=0
    _kith_dir=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            -d|--dir)
                if [[ -z "$command" || "$command" != log ]]; then _kith_dir=(--dir "${COMP_WORDS[i+1]}"); fi
                ((i++)); continue ;;
            --today|--color|--format|--tier|--tag|--org|--limit|--within|--cadence|--email|--phone|--title|\
            --role|--interest|--met|--why|--birthday|--since|--slug|--aka|--prefer|--assistant|--address|\
            --introduced-by|--notes|-k|--kind|-m|--note|--follow-up)
                ((i++)); continue ;;
            -*) continue ;;
        esac
        if [[ -z "$command" ]]; then command="$word"; else ((positional++)); fi
    done

    case "$prev" in
        --dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --format)
            if [[ "$command" == due ]]; then COMPREPLY=($(compgen -W "text tsv json ics" -- "$cur"))
            else COMPREPLY=($(compgen -W "text tsv json" -- "$cur")); fi
            return ;;
        --tier) COMPREPLY=($(compgen -W "$(_kith_words tiers)" -- "$cur")); return ;;
        -k|--kind) COMPREPLY=($(compgen -W "$(_kith_words kinds)" -- "$cur")); return ;;
        --introduced-by) COMPREPLY=($(compgen -W "$(_kith_words names)" -- "$cur")); return ;;
        --today|--org|--limit|--within|--cadence|--email|--phone|--title|--role|--interest|--met|--why|\
        --birthday|--since|--slug|--aka|--prefer|--assistant|--address|--notes|-m|--note|--follow-up|--tag)
            return ;;
        -d) [[ "$command" == log ]] && return
            COMPREPLY=($(compgen -d -- "$cur")); return ;;
    esac

    local global="--dir --today --color --help --version"
    if [[ -z "$command" ]]; then
        if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$global" -- "$cur"))
        else COMPREPLY=($(compgen -W "$(_kith_words commands)" -- "$cur")); fi
        return
    fi

    local options=""
    case "$command" in
        init) options="--git" ;;
        add) options="--tier --cadence --email --phone --title --org --role --interest --tag --met --why --birthday
                      --since --slug --aka --prefer --assistant --address --introduced-by --notes --edit" ;;
        log) options="--kind --date --note --follow-up" ;;
        tier) options="--cadence --format" ;;
        due) options="--within --tier --tag --limit --format --check" ;;
        list) options="--tier --tag --org --archived --format" ;;
        find) options="--format" ;;
        introduce) options="--why --dry-run --format --follow-up --again --suggest --limit --same-org" ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$options $global" -- "$cur"))
        return
    fi
    case "$command" in
        show|edit|archive|follow|done|snooze|introduce|log)
            if [[ "$command" == log || "$command" == introduce || $positional -eq 0 ]]; then
                COMPREPLY=($(compgen -W "$(_kith_words names)" -- "$cur"))
            fi ;;
        tier)
            if [[ $positional -eq 0 ]]; then COMPREPLY=($(compgen -W "$(_kith_words names)" -- "$cur"))
            elif [[ $positional -eq 1 ]]; then COMPREPLY=($(compgen -W "$(_kith_words tiers)" -- "$cur")); fi ;;
        init) COMPREPLY=($(compgen -d -- "$cur")) ;;
    esac
}

complete -F _kith kith
