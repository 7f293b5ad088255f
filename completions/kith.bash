# bash completion for kith: commands, options, and the people and tiers of your network.
# Install: make install (to share/bash-completion/completions/kith), or source this file.
# The commands and options come from 'kith __complete spec', so a new command needs no edit.

_kith_words() {
    # Asks kith itself, for the network the command line points at.
    kith "${_kith_dir[@]}" __complete "$1" 2>/dev/null
}

# Sets _kith_dir to the folder of --dir as the shell will read the word $1: quotes read, and a
# leading ~ or ~USER (unquoted) made the home folder it names.
_kith_set_dir() {
    local REPLY QUOTE user rest home
    _kith_dequote "$1"
    if [[ "$1" == \~* ]]; then
        user=${REPLY#\~} user=${user%%/*} rest=${REPLY#\~"$user"}
        if [[ -z "$user" ]]; then REPLY=$HOME$rest
        elif [[ "$user" =~ ^[A-Za-z0-9._][A-Za-z0-9._-]*$ ]] && home=$(getent passwd "$user" | cut -d: -f6) && [[ -n "$home" ]]; then
            REPLY=$home$rest
        fi
    fi
    _kith_dir=(--dir "$REPLY")
}

# Sets REPLY to the word being completed as the shell will read it, and QUOTE to the quote
# left open in it ("'", '"' or ""): backslashes and quotes are read, nothing is expanded.
_kith_dequote() {
    local word=$1 c i
    REPLY= QUOTE=
    for ((i = 0; i < ${#word}; i++)); do
        c=${word:i:1}
        if [[ -z "$QUOTE" && "$c" == \\ ]]; then ((i++)); REPLY+=${word:i:1}
        elif [[ -z "$QUOTE" && ( "$c" == \' || "$c" == \" ) ]]; then QUOTE=$c
        elif [[ "$QUOTE" == \' && "$c" == \' ]]; then QUOTE=
        elif [[ "$QUOTE" == \" && "$c" == \" ]]; then QUOTE=
        elif [[ "$QUOTE" == \" && "$c" == \\ && "${word:i+1:1}" == [\$\`\"\\] ]]; then ((i++)); REPLY+=${word:i:1}
        else REPLY+=$c
        fi
    done
}

# Appends to REPLY the character $1 written for the quote $QUOTE is in, so that the shell reads
# it as itself: as it is, or (a character a shell reads) escaped; with $2, an escaped one is
# spelled starting with a quote instead of a backslash.
_kith_quote_char() {
    local c=$1
    case "$QUOTE" in
        \') if [[ "$c" == \' ]]; then REPLY+="'\\''"; else REPLY+=$c; fi ;;
        \") if [[ "$c" == [\$\`\"\\!] ]]; then
                if [[ -n "$2" || "$c" == ! ]]; then REPLY+="\"'$c'\""; else REPLY+="\\$c"; fi
            else REPLY+=$c; fi ;;
        *) if [[ "$c" == [A-Za-z0-9._+,/@%-] || "$c" > $'\x7f' ]]; then REPLY+=$c
           elif [[ -z "$2" ]]; then REPLY+="\\$c"
           elif [[ "$c" == \' ]]; then REPLY+="\"'\""
           else REPLY+="'$c'"; fi ;;
    esac
}

# Sets COMPREPLY to the words of the array `words`, each written so that the shell reads it as
# itself (byte by byte: no character a shell reads is outside ASCII). With several, the start they
# share is written alike in each and the first byte after it, in all but the first, starting with
# a quote: the common start that bash inserts then never ends inside an escape.
_kith_insertions() {
    local LC_ALL=C common=${words[0]} word i k alt
    for word in "${words[@]}"; do
        while [[ "$word" != "$common"* ]]; do common=${common%?}; done
    done
    COMPREPLY=()
    for k in "${!words[@]}"; do
        word=${words[k]} REPLY=
        # Most slugs hold nothing a shell reads: they go as they are, without a look at each byte.
        if [[ -z "$QUOTE" && "${word//[A-Za-z0-9._+,\/@%-]/}" != *[$'\x01'-$'\x7f']* ]]; then
            COMPREPLY+=("$word")
            continue
        fi
        for ((i = 0; i < ${#word}; i++)); do
            alt=
            [[ $k -gt 0 && $i -eq ${#common} ]] && alt=1
            _kith_quote_char "${word:i:1}" "$alt"
        done
        COMPREPLY+=("$REPLY")
    done
}

# Sets COMPREPLY to the words kith prints (one a line) that start with the word being completed,
# written for the shell (see _kith_insertions). For people ($1 = people, "slug<TAB>name"), also
# the slugs whose name, or a word of the name or slug, starts with it, ignoring case: `Hop` and
# `grace ho` find grace-hopper. The words come from the network's files, so they are never
# handed to compgen -W, which would run a $(...) inside them.
_kith_reply() {
    local line word name REPLY QUOTE prefix folded
    local -a words=()
    _kith_dequote "$cur"
    prefix=$REPLY folded=${REPLY,,}
    while IFS= read -r line; do
        word=${line%%$'\t'*} name=${line#*$'\t'}
        [[ "$line" == *$'\t'* ]] || name=
        name=${name,,}
        [[ -n "$word" ]] || continue
        if [[ "$word" == "$prefix"* || ( -n "$folded" && "$folded" != -* &&
              ( " ${name} " == *" $folded"* || "-${word,,}" == *"-$folded"* ) ) ]]; then
            words+=("$word")
        fi
    done < <(_kith_words "$1")
    COMPREPLY=()
    [[ ${#words[@]} -gt 0 ]] && _kith_insertions
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
        names) _kith_reply people ;;
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

    # bash splits `--opt=value` at the '=' (COMP_WORDBREAKS): join the three words again, and
    # complete a value typed after '=' as one typed after a blank.
    local -a line=()
    local i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        if [[ "$word" == -?* && "${COMP_WORDS[i+1]}" == = ]]; then
            if ((i + 2 < COMP_CWORD)); then word+="=${COMP_WORDS[i+2]}"; ((i += 2))
            else prev=$word; ((i + 1 < COMP_CWORD)) || cur=; line+=("$word"); break; fi
        fi
        line+=("$word")
    done

    local command=kith count=0
    _kith_dir=()
    for ((i = 0; i < ${#line[@]}; i++)); do
        word="${line[i]}"
        if [[ "$word" == -?* ]]; then
            value="${kind["$command ${word%%=*}"]}"
            if [[ "$value" == dirs ]]; then
                case "$word" in
                    --dir|-d) ((i + 1 < ${#line[@]})) && _kith_set_dir "${line[i+1]}" ;;
                    --dir=*) _kith_set_dir "${word#--dir=}" ;;
                esac
            elif [[ -z "$value" && "$word" == -d?* && "${kind["$command -d"]}" == dirs ]]; then
                _kith_set_dir "${word#-d}"
                continue
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
    value="${position["$command $((count + 1))"]}"
    [[ -z "$value" ]] && value="${position["$command *"]}"
    if [[ "$cur" == -* ]]; then
        # Options, and where a NAME goes, people whose slug starts with '-' (files made by hand).
        local -a people=()
        if [[ "$command" != kith && "$value" == names ]]; then _kith_reply people; people=("${COMPREPLY[@]}"); fi
        local IFS=', '
        _kith_fixed ${position["$command -"]}
        COMPREPLY+=("${people[@]}")
        return
    fi
    if [[ "$command" == kith ]]; then _kith_fixed "${commands[@]}"; return; fi
    _kith_value "$value"
}

complete -F _kith kith
