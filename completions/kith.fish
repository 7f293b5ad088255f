# fish completion for kith: commands, options, and the people and tiers of your network.
# Install: make install (to share/fish/vendor_completions.d/kith.fish).
# The commands and options come from 'kith __complete spec', so a new command needs no edit.
# Words from the network are printed as candidates, never evaluated.

# Prints the value kind of option $argv[2] of command $argv[1], from the spec lines after them.
function __kith_kind
    for line in $argv[3..-1]
        set -l f (string split \t -- $line)
        if test "$f[1]" = option; and test "$f[2]" = $argv[1]; and contains -- $argv[2] (string split , -- $f[3])
            echo $f[4]
            return
        end
    end
end

# Prints the words given but those starting with '~', unless the token being completed quotes or
# escapes its '~' ('~, "~ or \~). fish inserts a candidate's leading '~' unescaped, and then reads
# it as a home folder (fish issue #4570); typed so, the '~' stays the word's own.
function __kith_not_home
    if string match -qr -- '^(\\\\~|[\'"])' (commandline -ct)
        string join \n -- $argv
    else
        string match -v -- '~*' $argv
    end
    return 0
end

# Prints the folder $argv[1] with a leading ~ or ~USER made the home folder it names (the
# tokens of `commandline -o` keep it as typed).
function __kith_home
    set -l dir $argv[1]
    set -l user (string match -r -- '^~([A-Za-z0-9._-]*)' $dir)[2]
    if string match -q -- '~*' $dir
        set -l home $HOME
        test -n "$user"; and set home (getent passwd $user | string split -f6 :)
        test -n "$home"; and set dir $home(string sub -s (math (string length -- $user) + 2) -- $dir)
    end
    echo $dir
end

# Prints the candidates of a value kind: people (slug, then name as description), tiers, ...
function __kith_values -a kind
    switch "$kind"
        case names
            __kith_not_home (kith $__kith_dir __complete people 2>/dev/null)
        case tiers
            __kith_not_home (kith $__kith_dir __complete tiers 2>/dev/null)
        case kinds
            kith __complete kinds 2>/dev/null
        case dirs
            __fish_complete_directories (commandline -ct)
        case files
            __fish_complete_path (commandline -ct)
        case 'choice:*'
            string split '|' -- (string replace 'choice:' '' -- $kind)
    end
end

function __kith_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l spec (kith __complete spec 2>/dev/null)
    set -l command kith
    set -l count 0
    set -l pending
    set -g __kith_dir
    set -l i 2
    while test $i -le (count $tokens)
        set -l word $tokens[$i]
        set pending
        if string match -q -- '-?*' $word
            set -l kind (__kith_kind $command (string split -m1 = -- $word)[1] $spec)
            # The network the line points at: --dir DIR, --dir=DIR, -d DIR, -dDIR.
            if test "$kind" = dirs; and contains -- $word -d --dir; and test $i -lt (count $tokens)
                set -g __kith_dir --dir (__kith_home $tokens[(math $i + 1)])
            else if test "$kind" = dirs; and string match -q -- '--dir=*' $word
                set -g __kith_dir --dir (__kith_home (string replace -- '--dir=' '' $word))
            else if test -z "$kind"; and string match -q -- '-d?*' $word; and test (__kith_kind $command -d $spec) = dirs
                set -g __kith_dir --dir (__kith_home (string sub -s 3 -- $word))
                set i (math $i + 1)
                continue
            end
            if test -n "$kind"; and test "$kind" != flag; and not string match -q -- '*=*' $word
                test $i -eq (count $tokens); and set pending $kind
                set i (math $i + 2)
                continue
            end
        else if test $command = kith
            set command $word
        else
            set count (math $count + 1)
        end
        set i (math $i + 1)
    end
    if test -n "$pending"
        __kith_values $pending
        return
    end
    set -l kind
    for line in $spec
        set -l f (string split \t -- $line)
        if string match -q -- '-*' $cur
            if test "$f[1]" = option; and test "$f[2]" = $command
                for name in (string split , -- $f[3])
                    printf '%s\t%s\n' $name $f[6]
                end
            end
        else if test $command = kith
            test "$f[1]" = command; and printf '%s\t%s\n' $f[2] $f[3]
        end
        if test -z "$kind"; and test $command != kith; and test "$f[1]" = positional; and test "$f[2]" = $command
            if test "$f[3]" -eq (math $count + 1); or begin; test "$f[5]" = 1; and test "$f[3]" -le (math $count + 1); end
                set kind $f[4]
            end
        end
    end
    # After a '-', options; and where a NAME goes, people whose slug starts with '-' (made by hand).
    if test -n "$kind"; and begin; not string match -q -- '-*' $cur; or test "$kind" = names; end
        __kith_values $kind
    end
end

complete -c kith -f -a '(__kith_complete)'
