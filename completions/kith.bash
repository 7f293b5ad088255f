# bash completion for kith: commands, options, and the people and tiers of your network.
# Install: make install (to share/bash-completion/completions/kith), or source this file.

_kith_words() {
    # Asks kith itself, for the network the command line points at.
    kith "${_kith_dir[@]}" __complete "$1" 2>/dev/null
}

# Sets COMPREPLY to the words kith prints (one a line) that start with $cur. The words come
# from the network's files, so they are never handed to compgen -W (which would run a
# $(...) inside them) and a word with a character the shell reads is inserted quoted.
_kith_reply() {
    local word
    COMPREPLY=()
    while IFS= read -r word; do
        [[ -n "$word" && "$word" == "$cur"* ]] || continue
        if [[ "$word" == *[[:space:][:cntrl:]\"\'\`\$\\\!\;\&\|\<\>\(\)\{\}\[\]\*\?\#\~\^]* ]]; then
            printf -v word '%q' "$word"
        fi
        COMPREPLY+=("$word")
    done < <(_kith_words "$1")
}

# Sets COMPREPLY to the folders starting with $cur, unexpanded, quoted as file names.
_kith_folders() {
    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    compopt -o filenames 2>/dev/null
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
            --role|--interest|--met|--why|--birthday|--since|--slug|--aka|--prefer|--assistant|--address|--url|\
            --introduced-by|--notes|-k|--kind|-m|--note|--follow-up)
                ((i++)); continue ;;
            -*) continue ;;
        esac
        if [[ -z "$command" ]]; then command="$word"; else ((positional++)); fi
    done

    case "$prev" in
        --dir) _kith_folders; return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --format)
            if [[ "$command" == due ]]; then COMPREPLY=($(compgen -W "text tsv json ics" -- "$cur"))
            else COMPREPLY=($(compgen -W "text tsv json" -- "$cur")); fi
            return ;;
        --tier) _kith_reply tiers; return ;;
        -k|--kind) _kith_reply kinds; return ;;
        --introduced-by) _kith_reply names; return ;;
        --today|--org|--limit|--within|--cadence|--email|--phone|--title|--role|--interest|--met|--why|\
        --birthday|--since|--slug|--aka|--prefer|--assistant|--address|--url|--notes|-m|--note|--follow-up|--tag)
            return ;;
        -d) [[ "$command" == log ]] && return
            _kith_folders; return ;;
    esac

    local global="--dir --today --color --help --version"
    if [[ -z "$command" ]]; then
        if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$global" -- "$cur"))
        else _kith_reply commands; fi
        return
    fi

    local options=""
    case "$command" in
        init) options="--git" ;;
        add) options="--tier --cadence --email --phone --title --org --role --interest --tag --met --why --birthday
                      --since --slug --aka --prefer --assistant --address --url --introduced-by --notes --edit" ;;
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
                _kith_reply names
            fi ;;
        tier)
            if [[ $positional -eq 0 ]]; then _kith_reply names
            elif [[ $positional -eq 1 ]]; then _kith_reply tiers; fi ;;
        init) _kith_folders ;;
    esac
}

complete -F _kith kith
