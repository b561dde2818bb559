# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_authctl_global_optspecs
    string join \n config-dir= db= env-file= profile= json q/quiet h/help V/version
end

function __fish_authctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_authctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_authctl_using_subcommand
    set -l cmd (__fish_authctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c authctl -n "__fish_authctl_needs_command" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_needs_command" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_needs_command" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_needs_command" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_needs_command" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_needs_command" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_needs_command" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "superuser" -d 'Create the superuser (or reset its password)'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "user" -d 'Add, list, show, activate and manage users'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "completions" -d 'Print shell completions for SHELL on stdout'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l username -d 'Username of the superuser [env: AUTHCTL_SUPERUSER]' -r
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l password-file -d 'Read the password from the first line of FILE' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l password-env -d 'Read the password from the environment variable NAME' -r
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l if-not-exists -d 'Succeed without changes when the user already exists'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l reset-password -d 'Set a new password on an existing user and make it an active superuser'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "add" -d 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "list" -d 'List users as a table (--json: an array of user objects)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "show" -d 'Show one user'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "activate" -d 'Activate users so they can log in'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "deactivate" -d 'Deactivate users (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "promote" -d 'Make a user a superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "demote" -d 'Take superuser rights away (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "passwd" -d 'Set a user\'s password'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "delete" -d 'Delete a user (asks on a terminal; --yes otherwise)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l password-file -d 'Read the password from the first line of FILE' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l password-env -d 'Read the password from the environment variable NAME' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l superuser -d 'Make the user a superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l active -d 'Make the user active now [env: AUTHCTL_NEW_USER_IS_ACTIVE]'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l superusers -d 'Only superusers'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l inactive -d 'Only inactive users'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l force -d 'Allow deactivating the last active superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l force -d 'Allow demoting the last active superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l password-file -d 'Read the password from the first line of FILE' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l password-env -d 'Read the password from the environment variable NAME' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l force -d 'Allow deleting the last active superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users as a table (--json: an array of user objects)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one user'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "activate" -d 'Activate users so they can log in'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "deactivate" -d 'Deactivate users (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "promote" -d 'Make a user a superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "demote" -d 'Take superuser rights away (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "passwd" -d 'Set a user\'s password'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user (asks on a terminal; --yes otherwise)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l db -d 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'"
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user completions help" -f -a "superuser" -d 'Create the superuser (or reset its password)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user completions help" -f -a "user" -d 'Add, list, show, activate and manage users'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user completions help" -f -a "completions" -d 'Print shell completions for SHELL on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "add" -d 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users as a table (--json: an array of user objects)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'Show one user'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "activate" -d 'Activate users so they can log in'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "deactivate" -d 'Deactivate users (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "promote" -d 'Make a user a superuser'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "demote" -d 'Take superuser rights away (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "passwd" -d 'Set a user\'s password'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "delete" -d 'Delete a user (asks on a terminal; --yes otherwise)'
