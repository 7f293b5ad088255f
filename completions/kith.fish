# fish completion for kith: commands, options, and the people and tiers of your network.
# Install: make install (to share/fish/vendor_completions.d/kith.fish).

function __kith_words
    set -l tokens (commandline -opc)
    set -l dir
    set -l i 1
    while test $i -lt (count $tokens)
        if contains -- $tokens[$i] -d --dir; and not contains -- log $tokens
            set dir --dir $tokens[(math $i + 1)]
        end
        set i (math $i + 1)
    end
    kith $dir __complete $argv[1] 2>/dev/null
end

set -l commands init add show list check log tier due follow done snooze archive introduce find edit
set -l with_names show edit archive follow done snooze log introduce tier

complete -c kith -f
complete -c kith -n "not __fish_seen_subcommand_from $commands" -a "(__kith_words commands)"
complete -c kith -s d -l dir -r -F -d 'Network folder'
complete -c kith -l today -x -d 'Treat this DATE as today'
complete -c kith -l color -x -a 'auto always never' -d 'Colour'
complete -c kith -l help -d 'Show help'
complete -c kith -l version -d 'Show the version'

complete -c kith -n "__fish_seen_subcommand_from $with_names" -a "(__kith_words names)"
complete -c kith -n "__fish_seen_subcommand_from add list due tier" -l tier -x -a "(__kith_words tiers)"
complete -c kith -n "__fish_seen_subcommand_from list due tier find introduce" -l format -x -a 'text tsv json'
complete -c kith -n "__fish_seen_subcommand_from due" -l format -x -a 'ics'
complete -c kith -n "__fish_seen_subcommand_from list due add" -l tag -x
complete -c kith -n "__fish_seen_subcommand_from due" -l within -x
complete -c kith -n "__fish_seen_subcommand_from due" -l limit -x
complete -c kith -n "__fish_seen_subcommand_from due" -l check
complete -c kith -n "__fish_seen_subcommand_from list" -l org -x
complete -c kith -n "__fish_seen_subcommand_from list" -l archived
complete -c kith -n "__fish_seen_subcommand_from init" -l git
complete -c kith -n "__fish_seen_subcommand_from init" -F
complete -c kith -n "__fish_seen_subcommand_from log" -s k -l kind -x -a "(__kith_words kinds)"
complete -c kith -n "__fish_seen_subcommand_from log" -s m -l note -x
complete -c kith -n "__fish_seen_subcommand_from log introduce" -l follow-up -x
complete -c kith -n "__fish_seen_subcommand_from add tier" -l cadence -x
complete -c kith -n "__fish_seen_subcommand_from add" -l email -l phone -l title -l org -l role -l interest -l met -l why -l birthday -l since -l slug -l aka -l prefer -l assistant -l address -l url -l notes -x
complete -c kith -n "__fish_seen_subcommand_from add" -l introduced-by -x -a "(__kith_words names)"
complete -c kith -n "__fish_seen_subcommand_from add" -l edit
complete -c kith -n "__fish_seen_subcommand_from introduce" -s m -l why -x
complete -c kith -n "__fish_seen_subcommand_from introduce" -l dry-run -l again -l suggest -l same-org
complete -c kith -n "__fish_seen_subcommand_from introduce" -l limit -x
