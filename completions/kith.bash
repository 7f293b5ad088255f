# bash completion for kith: commands, options, and the people and tiers of your network.
# Install: make install (to share/bash-completion/completions/kith), or source this file.
# The commands and options come from 'kith __complete spec', so a new command needs no edit.

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

# Sets COMPREPLY to the fixed words given that start with $cur (kith's own words only).
_kith_fixed() {
    local word
    COMPREPLY=()
    for word in "$@"; do [[ "$word" == "$cur"* ]] && COMPREPLY+=("$word"); done
    return 0
}

# Sets COMPREPLY to the folders (or files) starting with $cur, quoted as file names.
_kith_folders() {
    mapfile -t COMPREPLY < <(compgen "${1:--d}" -- "$cur")
    compopt -o filenames 2>/dev/null
}

# Completes a value of the kind the spec names: names, tiers, kinds, dirs, files, choice:a|b.
_kith_value() {
    case "$1" in
        names) _kith_reply names ;;
        tiers) _kith_reply tiers ;;
        kinds) _kith_reply kinds ;;
        dirs) _kith_folders -d ;;
        files) _kith_folders -f ;;
        choice:*) local IFS='|'; local -a choices=(${1#choice:}); _kith_fixed "${choices[@]}" ;;
        *) COMPREPLY=() ;;
    esac
}

_kith() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local -A kind=() position=()
    local -a commands=()
    local type where names value many rest n
    while IFS=$'\t' read -r type where names value many rest; do
        case "$type" in
            command) commands+=("$where") ;;
            option) IFS=, read -ra list <<< "$names"
                    for n in "${list[@]}"; do kind["$where $n"]="$value"; done
                    position["$where -"]+=" $names" ;;
            positional) position["$where $names"]="$value"; [[ "$many" == 1 ]] && position["$where *"]="$value" ;;
        esac
    done < <(kith __complete spec 2>/dev/null)

    local command=kith i word count=0
    _kith_dir=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        if [[ "$word" == -?* ]]; then
            value="${kind["$command ${word%%=*}"]}"
            if [[ "$value" == dirs && "$word" != *=* && ( "$word" == --dir || "$word" == -d ) ]]; then
                _kith_dir=(--dir "${COMP_WORDS[i+1]}")
            fi
            [[ -n "$value" && "$value" != flag && "$word" != *=* ]] && ((i++))
            continue
        fi
        if [[ "$command" == kith ]]; then command="$word"; else ((count++)); fi
    done

    if [[ "$prev" == -?* && $COMP_CWORD -gt 1 ]]; then
        value="${kind["$command $prev"]}"
        if [[ -n "$value" && "$value" != flag ]]; then _kith_value "$value"; return; fi
    fi
    if [[ "$cur" == -* ]]; then
        local IFS=', '
        _kith_fixed ${position["$command -"]}
        return
    fi
    if [[ "$command" == kith ]]; then _kith_fixed "${commands[@]}"; return; fi
    value="${position["$command $((count + 1))"]}"
    [[ -z "$value" ]] && value="${position["$command *"]}"
    _kith_value "$value"
}

complete -F _kith kith
