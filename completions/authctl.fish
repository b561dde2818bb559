# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_authctl_global_optspecs
    string join \n config-dir= db= env-file= profile= allow-unknown-release json q/quiet h/help V/version
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
complete -c authctl -n "__fish_authctl_needs_command" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_needs_command" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_needs_command" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_needs_command" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_needs_command" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_needs_command" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_needs_command" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "superuser" -d 'Create the superuser (or reset its password)'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "user" -d 'Add, list, show, activate and manage users'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "secret" -d 'Generate, check and use the secret key (HS256 signing, Fernet encryption)'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "init" -d '`authctl init` arguments'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "keygen" -d 'Make sure the signing keys for an algorithm exist (RSA pair or secret key)'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "keys" -d 'List, publish, export and retire signing keys'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "token" -d 'Mint, decode, verify and revoke JWTs'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "apikey" -d 'Create, list and revoke API keys'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "apply" -d 'Make the users and API keys match a file: plan, then apply in one transaction'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "export" -d 'Write the users and API-key metadata in apply\'s format (never a key)'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "doctor" -d 'Check the configuration, key directory and database for a safe deployment'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "releases" -d 'List the releases of each app authctl serves'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "completions" -d 'Print shell completions for SHELL on stdout'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l username -d 'Username of the superuser [env: AUTHCTL_SUPERUSER]' -r
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l password-file -d 'Read the password from the first line of FILE' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l password-env -d 'Read the password from the environment variable NAME' -r
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l if-not-exists -d 'Succeed without changes when the user already exists'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -l reset-password -d 'Set a new password on an existing user and make it an active superuser'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand superuser" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "add" -d 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "list" -d 'List users as a table (--json: an array of user objects)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "show" -d 'Show one user'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "activate" -d 'Activate users so they can log in'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "deactivate" -d 'Deactivate users (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "promote" -d 'Make a user a superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "demote" -d 'Take superuser rights away (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "passwd" -d 'Set a user\'s password'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "invite" -d 'Invite a user to register, without a mail server (LibreChat): prints the registration link'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "ban" -d 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "unban" -d 'Lift a user\'s ban (LibreChat), with the addresses banned with it'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "delete" -d 'Delete a user (asks on a terminal; --yes otherwise)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and not __fish_seen_subcommand_from add list show activate deactivate promote demote passwd invite ban unban delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l password-file -d 'Read the password from the first line of FILE' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l password-env -d 'Read the password from the environment variable NAME' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l superuser -d 'Make the user a superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -l active -d 'Make the user active now [env: AUTHCTL_NEW_USER_IS_ACTIVE]'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l superusers -d 'Only superusers'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -l inactive -d 'Only inactive users'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from activate" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -l force -d 'Allow deactivating the last active superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from deactivate" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from promote" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -l force -d 'Allow demoting the last active superuser'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from demote" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l password-file -d 'Read the password from the first line of FILE' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l password-env -d 'Read the password from the environment variable NAME' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from passwd" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from invite" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -l for -d 'How long: seconds or 30m, 12h, 7d, 2w' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from ban" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from unban" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l force -d 'Allow deleting the last active superuser'
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
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "invite" -d 'Invite a user to register, without a mail server (LibreChat): prints the registration link'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "ban" -d 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "unban" -d 'Lift a user\'s ban (LibreChat), with the addresses banned with it'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user (asks on a terminal; --yes otherwise)'
complete -c authctl -n "__fish_authctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -f -a "generate" -d 'Generate a secret key from the OS random generator'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -f -a "check" -d 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -f -a "encrypt" -d 'Encrypt stdin with Fernet under the secret key, token on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -f -a "decrypt" -d 'Decrypt a Fernet token from stdin with the secret key'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -f -a "rotate" -d 'Replace the secret key, re-encrypting every value encrypted with it'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -f -a "identify" -d 'Find which key the stored encrypted values are under'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and not __fish_seen_subcommand_from generate check encrypt decrypt rotate identify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l bytes -d 'Random bytes to draw (at least 32) [default: 32; Flowise\'s encryption key: 24, its own size]' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l encoding -d 'How to encode the bytes [default: urlsafe; Flowise: base64]' -r -f -a "urlsafe\t'URL-safe base64 without padding (Python\'s token_urlsafe)'
hex\t'Lowercase hex (openssl rand -hex)'
base64\t'Standard base64 with padding (openssl rand -base64)'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l env -d 'Print a NAME=value line for a .env file instead of the bare secret' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l write -d 'Store it as `secret_key` in the config dir (prints path and fingerprint, not the secret)'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -l force -d 'Replace an existing `secret_key` (the old one is kept as a backup)'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l file -d 'Read the secret from FILE' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l env -d 'Read the secret from the environment variable NAME' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -l stdin -d 'Read the secret from the first line of stdin'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -l cipher -d 'LibreChat\'s cipher (librechat profile only)' -r -f -a "v1\t'AES-CBC with the fixed CREDS_IV, hex (users\' endpoint keys, plugin credentials)'
v2\t'AES-CBC with a random IV, iv:ciphertext (actions, MCP and OAuth tokens)'
v3\t'AES-256-CTR, v3:iv:ciphertext (two-factor secrets)'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from encrypt" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -l cipher -d 'LibreChat\'s cipher (librechat profile only)' -r -f -a "v1\t'AES-CBC with the fixed CREDS_IV, hex (users\' endpoint keys, plugin credentials)'
v2\t'AES-CBC with a random IV, iv:ciphertext (actions, MCP and OAuth tokens)'
v3\t'AES-256-CTR, v3:iv:ciphertext (two-factor secrets)'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from decrypt" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l from-key -d 'Recover instead: re-encrypt the values under the key in FILE (an old key, found with `secret identify`) to the current key, which stays; values already under the current key are kept. Repeat it for values split across several old keys (two redeploys): every value under any of them moves, in one transaction' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l new-key-stdin -d 'Read the new secret key from the first line of stdin'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l generate -d 'Generate the new secret key (the default)'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -l dry-run -d 'Report what would change and change nothing'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -s y -l yes -d 'Do not ask for confirmation'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from rotate" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from identify" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Generate a secret key from the OS random generator'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "check" -d 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "encrypt" -d 'Encrypt stdin with Fernet under the secret key, token on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "decrypt" -d 'Decrypt a Fernet token from stdin with the secret key'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Replace the secret key, re-encrypting every value encrypted with it'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "identify" -d 'Find which key the stored encrypted values are under'
complete -c authctl -n "__fish_authctl_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand init" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand init" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand init" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand init" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand init" -l format -d 'What to write' -r -f -a "env\t'NAME=value lines for a .env file'
k8s-secret\t'A Kubernetes Secret manifest (stringData)'
files\t'The key files the app reads, in its key directory'"
complete -c authctl -n "__fish_authctl_using_subcommand init" -l out -d 'The .env file to add to (env), the manifest file (k8s-secret), or the key directory (files, Flowise; default SECRETKEY_PATH)' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand init" -l name -d 'The Secret\'s name (k8s-secret) [default: <profile>-secrets]' -r
complete -c authctl -n "__fish_authctl_using_subcommand init" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand init" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand init" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand init" -l force -d 'Replace values and files that are already there (keeping backups)'
complete -c authctl -n "__fish_authctl_using_subcommand init" -l rs256 -d 'Also an RS256 key pair and the algorithm variable (native, Langflow)'
complete -c authctl -n "__fish_authctl_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand init" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l alg -d 'Signing algorithm [env: AUTHCTL_ALGORITHM] [default: HS256]' -r -f -a "HS256\t'HMAC-SHA256 with the secret key'
RS256\t'RSA PKCS#1 v1.5 with SHA-256'
RS512\t'RSA PKCS#1 v1.5 with SHA-512'"
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l bits -d 'RSA key size in bits [default: 2048]; a kept key of another size is refused without --force' -r -f -a "2048\t''
3072\t''
4096\t''"
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l from-private -d 'Import an existing RSA private key (PKCS#1 or PKCS#8 PEM) from FILE, or - for stdin' -r
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -l force -d 'Rotate: retire the current key pair (still verifies until `keys retire`) and make a new one'
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand keygen" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -f -a "list" -d 'List current and retired signing keys'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -f -a "jwks" -d 'Print a JWKS of every key that may still verify a token'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -f -a "retire" -d 'Drop a retired key from verification'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -f -a "export" -d 'Print the signing keys for another instance (prints secrets!)'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and not __fish_seen_subcommand_from list jwks retire export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from retire" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -l format -d 'Output format' -r -f -a "k8s-secret\t'A Kubernetes Secret manifest (stringData)'
env\t'.env lines'"
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -l name -d 'Name of the Kubernetes Secret' -r
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "list" -d 'List current and retired signing keys'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "jwks" -d 'Print a JWKS of every key that may still verify a token'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "retire" -d 'Drop a retired key from verification'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print the signing keys for another instance (prints secrets!)'
complete -c authctl -n "__fish_authctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -f -a "mint" -d 'Mint a signed JWT for a user; stdout gets the token and nothing else'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -f -a "decode" -d 'Show a token\'s header and claims WITHOUT verifying it'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -f -a "verify" -d 'Verify a token with the local keys: exit 0 valid, 1 invalid'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -f -a "revoke" -d 'Revoke refresh tokens'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -f -a "list" -d 'List a user\'s refresh tokens (never the tokens themselves)'
complete -c authctl -n "__fish_authctl_using_subcommand token; and not __fish_seen_subcommand_from mint decode verify revoke list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l user -d 'The user the token is for (sub = the user\'s id)' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l type -d 'Token type' -r -f -a "access\t''
refresh\t''"
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l ttl -d 'Lifetime: seconds or 15m, 1h, 7d [default: AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS or AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l alg -d 'Signing algorithm [env: AUTHCTL_ALGORITHM] [default: HS256]' -r -f -a "HS256\t'HMAC-SHA256 with the secret key'
RS256\t'RSA PKCS#1 v1.5 with SHA-256'
RS512\t'RSA PKCS#1 v1.5 with SHA-512'"
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l claim -d 'Extra claim KEY=VALUE (VALUE parsed as JSON when it is JSON); repeatable' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l iss -d 'Issuer claim [env: AUTHCTL_JWT_ISSUER]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l aud -d 'Audience claim [env: AUTHCTL_JWT_AUDIENCE]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from mint" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from decode" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l type -d 'Require this token type' -r -f -a "access\t''
refresh\t''"
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l leeway -d 'Seconds of clock skew to accept for exp and nbf' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l at -d 'Judge exp and nbf as of TIME (Unix seconds or RFC 3339) instead of now' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l offline -d 'Check only the signature and claims, not the database (user, revocation)'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l jti -d 'The token\'s jti' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l user -d 'Every refresh token of this user (with --all)' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l all -d 'With --user: revoke all of that user\'s refresh tokens'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -l user -d 'Username' -r
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "mint" -d 'Mint a signed JWT for a user; stdout gets the token and nothing else'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "decode" -d 'Show a token\'s header and claims WITHOUT verifying it'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify a token with the local keys: exit 0 valid, 1 invalid'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke refresh tokens'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a user\'s refresh tokens (never the tokens themselves)'
complete -c authctl -n "__fish_authctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Create an API key for a user; the key is printed once on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List API keys (never the keys themselves)'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke an API key by id or name'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l user -d 'The user the key acts as' -r
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l name -d 'A name to recognise the key by (Flowise requires one)' -r
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l permission -d 'A permission the key gets, as Flowise names them (chatflows:view, ...); repeatable. Flowise keys only: the default is every permission its user has (workspace:* and admin:* never)' -r
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l user -d 'Only this user\'s keys' -r
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an API key for a user; the key is printed once on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "list" -d 'List API keys (never the keys themselves)'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke an API key by id or name'
complete -c authctl -n "__fish_authctl_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l format -d 'The file\'s format [default: by its extension; YAML for stdin, which also reads JSON]' -r -f -a "yaml\t''
json\t''"
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l secrets-out -d 'Write generated passwords and keys to FILE (JSON, 0600, never overwritten) instead of stdout' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l jobs -d 'Threads for password hashing [default: one per core]' -r
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand apply" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l dry-run -d 'Print the plan and change nothing: exit 0 when nothing would change, 1 when something would'
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l prune -d 'Delete the users and API keys the file does not declare (never the last active superuser)'
complete -c authctl -n "__fish_authctl_using_subcommand apply" -l update-passwords -d 'Set the declared password of existing users too (by default only new users get one)'
complete -c authctl -n "__fish_authctl_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand apply" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand export" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand export" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand export" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand export" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand export" -l format -d 'Output format' -r -f -a "yaml\t''
json\t''"
complete -c authctl -n "__fish_authctl_using_subcommand export" -l out -d 'Write to FILE (0600, atomically) instead of stdout; an existing FILE is refused' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand export" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand export" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand export" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand export" -l with-hashes -d 'Include password hashes, for moving the accounts to another instance'
complete -c authctl -n "__fish_authctl_using_subcommand export" -l force -d 'With --out, replace an existing FILE (the old one is kept as a backup)'
complete -c authctl -n "__fish_authctl_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand export" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -l strict -d 'Treat warnings as failures'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand releases" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand releases" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand releases" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand releases" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand releases" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand releases" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand releases" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand releases" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand releases" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l config-dir -d 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l db -d 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]' -r
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l env-file -d 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l profile -d 'Which app\'s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]' -r -f -a "native\t'authctl\'s own schema and AUTHCTL_* variables'
langflow\t'A Langflow deployment: its database tables and LANGFLOW_* variables'
flowise\t'A Flowise deployment: its database tables, key files and variables'
librechat\t'A LibreChat deployment\'s .env: its secrets, stored-credential cipher and tokens'
open-webui\t'An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key'"
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l allow-unknown-release -d 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l json -d 'Print machine-readable JSON on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s q -l quiet -d 'Print nothing on stderr except errors'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "superuser" -d 'Create the superuser (or reset its password)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "user" -d 'Add, list, show, activate and manage users'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "secret" -d 'Generate, check and use the secret key (HS256 signing, Fernet encryption)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "init" -d 'Write the complete, strong set of secrets the app needs'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "keygen" -d 'Make sure the signing keys for an algorithm exist (RSA pair or secret key)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "keys" -d 'List, publish, export and retire signing keys'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "token" -d 'Mint, decode, verify and revoke JWTs'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "apikey" -d 'Create, list and revoke API keys'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "apply" -d 'Make the users and API keys match a file: plan, then apply in one transaction'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "export" -d 'Write the users and API-key metadata in apply\'s format (never a key)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "doctor" -d 'Check the configuration, key directory and database for a safe deployment'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "releases" -d 'List the releases of each app authctl serves'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "completions" -d 'Print shell completions for SHELL on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from superuser user secret init keygen keys token apikey apply export doctor releases completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "add" -d 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users as a table (--json: an array of user objects)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'Show one user'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "activate" -d 'Activate users so they can log in'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "deactivate" -d 'Deactivate users (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "promote" -d 'Make a user a superuser'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "demote" -d 'Take superuser rights away (refuses the last active superuser unless --force)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "passwd" -d 'Set a user\'s password'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "invite" -d 'Invite a user to register, without a mail server (LibreChat): prints the registration link'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "ban" -d 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "unban" -d 'Lift a user\'s ban (LibreChat), with the addresses banned with it'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "delete" -d 'Delete a user (asks on a terminal; --yes otherwise)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "generate" -d 'Generate a secret key from the OS random generator'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "check" -d 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "encrypt" -d 'Encrypt stdin with Fernet under the secret key, token on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "decrypt" -d 'Decrypt a Fernet token from stdin with the secret key'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "rotate" -d 'Replace the secret key, re-encrypting every value encrypted with it'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "identify" -d 'Find which key the stored encrypted values are under'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List current and retired signing keys'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "jwks" -d 'Print a JWKS of every key that may still verify a token'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "retire" -d 'Drop a retired key from verification'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "export" -d 'Print the signing keys for another instance (prints secrets!)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "mint" -d 'Mint a signed JWT for a user; stdout gets the token and nothing else'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "decode" -d 'Show a token\'s header and claims WITHOUT verifying it'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "verify" -d 'Verify a token with the local keys: exit 0 valid, 1 invalid'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke refresh tokens'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List a user\'s refresh tokens (never the tokens themselves)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "create" -d 'Create an API key for a user; the key is printed once on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "list" -d 'List API keys (never the keys themselves)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "revoke" -d 'Revoke an API key by id or name'
