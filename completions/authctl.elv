
use builtin;
use str;

set edit:completion:arg-completer[authctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'authctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'authctl'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand superuser 'Create the superuser (or reset its password)'
            cand user 'Add, list, show, activate and manage users'
            cand secret 'Generate, check and use the secret key (HS256 signing, Fernet encryption)'
            cand init '`authctl init` arguments'
            cand keygen 'Make sure the signing keys for an algorithm exist (RSA pair or secret key)'
            cand keys 'List, publish, export and retire signing keys'
            cand token 'Mint, decode, verify and revoke JWTs'
            cand apikey 'Create, list and revoke API keys'
            cand apply 'Make the users and API keys match a file: plan, then apply in one transaction'
            cand export 'Write the users and API-key metadata in apply''s format (never a key)'
            cand doctor 'Check the configuration, key directory and database for a safe deployment'
            cand releases 'List the releases of each app authctl serves'
            cand completions 'Print shell completions for SHELL on stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;superuser'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --username 'Username of the superuser [env: AUTHCTL_SUPERUSER]'
            cand --password-file 'Read the password from the first line of FILE'
            cand --password-env 'Read the password from the environment variable NAME'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --password-stdin 'Read the password from the first line of stdin'
            cand --if-not-exists 'Succeed without changes when the user already exists'
            cand --reset-password 'Set a new password on an existing user and make it an active superuser'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)'
            cand list 'List users as a table (--json: an array of user objects)'
            cand show 'Show one user'
            cand activate 'Activate users so they can log in'
            cand deactivate 'Deactivate users (refuses the last active superuser unless --force)'
            cand promote 'Make a user a superuser'
            cand demote 'Take superuser rights away (refuses the last active superuser unless --force)'
            cand passwd 'Set a user''s password'
            cand invite 'Invite a user to register, without a mail server (LibreChat): prints the registration link'
            cand ban 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then'
            cand unban 'Lift a user''s ban (LibreChat), with the addresses banned with it'
            cand delete 'Delete a user (asks on a terminal; --yes otherwise)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;user;add'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --password-file 'Read the password from the first line of FILE'
            cand --password-env 'Read the password from the environment variable NAME'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --password-stdin 'Read the password from the first line of stdin'
            cand --superuser 'Make the user a superuser'
            cand --active 'Make the user active now [env: AUTHCTL_NEW_USER_IS_ACTIVE]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;list'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --superusers 'Only superusers'
            cand --inactive 'Only inactive users'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;show'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;activate'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;deactivate'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --force 'Allow deactivating the last active superuser'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;promote'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;demote'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --force 'Allow demoting the last active superuser'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;passwd'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --password-file 'Read the password from the first line of FILE'
            cand --password-env 'Read the password from the environment variable NAME'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --password-stdin 'Read the password from the first line of stdin'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;invite'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;ban'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --for 'How long: seconds or 30m, 12h, 7d, 2w'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;unban'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;delete'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --force 'Allow deleting the last active superuser'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;help'= {
            cand add 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)'
            cand list 'List users as a table (--json: an array of user objects)'
            cand show 'Show one user'
            cand activate 'Activate users so they can log in'
            cand deactivate 'Deactivate users (refuses the last active superuser unless --force)'
            cand promote 'Make a user a superuser'
            cand demote 'Take superuser rights away (refuses the last active superuser unless --force)'
            cand passwd 'Set a user''s password'
            cand invite 'Invite a user to register, without a mail server (LibreChat): prints the registration link'
            cand ban 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then'
            cand unban 'Lift a user''s ban (LibreChat), with the addresses banned with it'
            cand delete 'Delete a user (asks on a terminal; --yes otherwise)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;user;help;add'= {
        }
        &'authctl;user;help;list'= {
        }
        &'authctl;user;help;show'= {
        }
        &'authctl;user;help;activate'= {
        }
        &'authctl;user;help;deactivate'= {
        }
        &'authctl;user;help;promote'= {
        }
        &'authctl;user;help;demote'= {
        }
        &'authctl;user;help;passwd'= {
        }
        &'authctl;user;help;invite'= {
        }
        &'authctl;user;help;ban'= {
        }
        &'authctl;user;help;unban'= {
        }
        &'authctl;user;help;delete'= {
        }
        &'authctl;user;help;help'= {
        }
        &'authctl;secret'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Generate a secret key from the OS random generator'
            cand check 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)'
            cand encrypt 'Encrypt stdin with Fernet under the secret key, token on stdout'
            cand decrypt 'Decrypt a Fernet token from stdin with the secret key'
            cand rotate 'Replace the secret key, re-encrypting every value encrypted with it'
            cand identify 'Find which key the stored encrypted values are under'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;secret;generate'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --bytes 'Random bytes to draw (at least 32) [default: 32; Flowise''s encryption key: 24, its own size]'
            cand --encoding 'How to encode the bytes [default: urlsafe; Flowise: base64]'
            cand --env 'Print a NAME=value line for a .env file instead of the bare secret'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --write 'Store it as `secret_key` in the config dir (prints path and fingerprint, not the secret)'
            cand --force 'Replace an existing `secret_key` (the old one is kept as a backup)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;secret;check'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --file 'Read the secret from FILE'
            cand --env 'Read the secret from the environment variable NAME'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --stdin 'Read the secret from the first line of stdin'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;secret;encrypt'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --cipher 'LibreChat''s cipher (librechat profile only)'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;secret;decrypt'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --cipher 'LibreChat''s cipher (librechat profile only)'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;secret;rotate'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --from-key 'Recover instead: re-encrypt the values under the key in FILE (an old key, found with `secret identify`) to the current key, which stays; values already under the current key are kept. Repeat it for values split across several old keys (two redeploys): every value under any of them moves, in one transaction'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --new-key-stdin 'Read the new secret key from the first line of stdin'
            cand --generate 'Generate the new secret key (the default)'
            cand --dry-run 'Report what would change and change nothing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;secret;identify'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;secret;help'= {
            cand generate 'Generate a secret key from the OS random generator'
            cand check 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)'
            cand encrypt 'Encrypt stdin with Fernet under the secret key, token on stdout'
            cand decrypt 'Decrypt a Fernet token from stdin with the secret key'
            cand rotate 'Replace the secret key, re-encrypting every value encrypted with it'
            cand identify 'Find which key the stored encrypted values are under'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;secret;help;generate'= {
        }
        &'authctl;secret;help;check'= {
        }
        &'authctl;secret;help;encrypt'= {
        }
        &'authctl;secret;help;decrypt'= {
        }
        &'authctl;secret;help;rotate'= {
        }
        &'authctl;secret;help;identify'= {
        }
        &'authctl;secret;help;help'= {
        }
        &'authctl;init'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --format 'What to write'
            cand --out 'The .env file to add to (env), the manifest file (k8s-secret), or the key directory (files, Flowise; default SECRETKEY_PATH)'
            cand --name 'The Secret''s name (k8s-secret) [default: <profile>-secrets]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --force 'Replace values and files that are already there (keeping backups)'
            cand --rs256 'Also an RS256 key pair and the algorithm variable (native, Langflow)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;keygen'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --alg 'Signing algorithm [env: AUTHCTL_ALGORITHM] [default: HS256]'
            cand --bits 'RSA key size in bits [default: 2048]; a kept key of another size is refused without --force'
            cand --from-private 'Import an existing RSA private key (PKCS#1 or PKCS#8 PEM) from FILE, or - for stdin'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --force 'Rotate: retire the current key pair (still verifies until `keys retire`) and make a new one'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;keys'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List current and retired signing keys'
            cand jwks 'Print a JWKS of every key that may still verify a token'
            cand retire 'Drop a retired key from verification'
            cand export 'Print the signing keys for another instance (prints secrets!)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;keys;list'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;keys;jwks'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;keys;retire'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;keys;export'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --format 'Output format'
            cand --name 'Name of the Kubernetes Secret'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;keys;help'= {
            cand list 'List current and retired signing keys'
            cand jwks 'Print a JWKS of every key that may still verify a token'
            cand retire 'Drop a retired key from verification'
            cand export 'Print the signing keys for another instance (prints secrets!)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;keys;help;list'= {
        }
        &'authctl;keys;help;jwks'= {
        }
        &'authctl;keys;help;retire'= {
        }
        &'authctl;keys;help;export'= {
        }
        &'authctl;keys;help;help'= {
        }
        &'authctl;token'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand mint 'Mint a signed JWT for a user; stdout gets the token and nothing else'
            cand decode 'Show a token''s header and claims WITHOUT verifying it'
            cand verify 'Verify a token with the local keys: exit 0 valid, 1 invalid'
            cand revoke 'Revoke refresh tokens'
            cand list 'List a user''s refresh tokens (never the tokens themselves)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;token;mint'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --user 'The user the token is for (sub = the user''s id)'
            cand --type 'Token type'
            cand --ttl 'Lifetime: seconds or 15m, 1h, 7d [default: AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS or AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS]'
            cand --alg 'Signing algorithm [env: AUTHCTL_ALGORITHM] [default: HS256]'
            cand --claim 'Extra claim KEY=VALUE (VALUE parsed as JSON when it is JSON); repeatable'
            cand --iss 'Issuer claim [env: AUTHCTL_JWT_ISSUER]'
            cand --aud 'Audience claim [env: AUTHCTL_JWT_AUDIENCE]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;token;decode'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;token;verify'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --type 'Require this token type'
            cand --leeway 'Seconds of clock skew to accept for exp and nbf'
            cand --at 'Judge exp and nbf as of TIME (Unix seconds or RFC 3339) instead of now'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --offline 'Check only the signature and claims, not the database (user, revocation)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;token;revoke'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --jti 'The token''s jti'
            cand --user 'Every refresh token of this user (with --all)'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --all 'With --user: revoke all of that user''s refresh tokens'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;token;list'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --user 'Username'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;token;help'= {
            cand mint 'Mint a signed JWT for a user; stdout gets the token and nothing else'
            cand decode 'Show a token''s header and claims WITHOUT verifying it'
            cand verify 'Verify a token with the local keys: exit 0 valid, 1 invalid'
            cand revoke 'Revoke refresh tokens'
            cand list 'List a user''s refresh tokens (never the tokens themselves)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;token;help;mint'= {
        }
        &'authctl;token;help;decode'= {
        }
        &'authctl;token;help;verify'= {
        }
        &'authctl;token;help;revoke'= {
        }
        &'authctl;token;help;list'= {
        }
        &'authctl;token;help;help'= {
        }
        &'authctl;apikey'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create an API key for a user; the key is printed once on stdout'
            cand list 'List API keys (never the keys themselves)'
            cand revoke 'Revoke an API key by id or name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;apikey;create'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --user 'The user the key acts as'
            cand --name 'A name to recognise the key by (Flowise requires one)'
            cand --permission 'A permission the key gets, as Flowise names them (chatflows:view, ...); repeatable. Flowise keys only: the default is every permission its user has (workspace:* and admin:* never)'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;apikey;list'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --user 'Only this user''s keys'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;apikey;revoke'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;apikey;help'= {
            cand create 'Create an API key for a user; the key is printed once on stdout'
            cand list 'List API keys (never the keys themselves)'
            cand revoke 'Revoke an API key by id or name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;apikey;help;create'= {
        }
        &'authctl;apikey;help;list'= {
        }
        &'authctl;apikey;help;revoke'= {
        }
        &'authctl;apikey;help;help'= {
        }
        &'authctl;apply'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --format 'The file''s format [default: by its extension; YAML for stdin, which also reads JSON]'
            cand --secrets-out 'Write generated passwords and keys to FILE (JSON, 0600, never overwritten) instead of stdout'
            cand --jobs 'Threads for password hashing [default: one per core]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --dry-run 'Print the plan and change nothing: exit 0 when nothing would change, 1 when something would'
            cand --prune 'Delete the users and API keys the file does not declare (never the last active superuser)'
            cand --update-passwords 'Set the declared password of existing users too (by default only new users get one)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;export'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --format 'Output format'
            cand --out 'Write to FILE (0600, atomically) instead of stdout; an existing FILE is refused'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --with-hashes 'Include password hashes, for moving the accounts to another instance'
            cand --force 'With --out, replace an existing FILE (the old one is kept as a backup)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;doctor'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand --strict 'Treat warnings as failures'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;releases'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;completions'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --allow-unknown-release 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;help'= {
            cand superuser 'Create the superuser (or reset its password)'
            cand user 'Add, list, show, activate and manage users'
            cand secret 'Generate, check and use the secret key (HS256 signing, Fernet encryption)'
            cand init 'Write the complete, strong set of secrets the app needs'
            cand keygen 'Make sure the signing keys for an algorithm exist (RSA pair or secret key)'
            cand keys 'List, publish, export and retire signing keys'
            cand token 'Mint, decode, verify and revoke JWTs'
            cand apikey 'Create, list and revoke API keys'
            cand apply 'Make the users and API keys match a file: plan, then apply in one transaction'
            cand export 'Write the users and API-key metadata in apply''s format (never a key)'
            cand doctor 'Check the configuration, key directory and database for a safe deployment'
            cand releases 'List the releases of each app authctl serves'
            cand completions 'Print shell completions for SHELL on stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;help;superuser'= {
        }
        &'authctl;help;user'= {
            cand add 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)'
            cand list 'List users as a table (--json: an array of user objects)'
            cand show 'Show one user'
            cand activate 'Activate users so they can log in'
            cand deactivate 'Deactivate users (refuses the last active superuser unless --force)'
            cand promote 'Make a user a superuser'
            cand demote 'Take superuser rights away (refuses the last active superuser unless --force)'
            cand passwd 'Set a user''s password'
            cand invite 'Invite a user to register, without a mail server (LibreChat): prints the registration link'
            cand ban 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then'
            cand unban 'Lift a user''s ban (LibreChat), with the addresses banned with it'
            cand delete 'Delete a user (asks on a terminal; --yes otherwise)'
        }
        &'authctl;help;user;add'= {
        }
        &'authctl;help;user;list'= {
        }
        &'authctl;help;user;show'= {
        }
        &'authctl;help;user;activate'= {
        }
        &'authctl;help;user;deactivate'= {
        }
        &'authctl;help;user;promote'= {
        }
        &'authctl;help;user;demote'= {
        }
        &'authctl;help;user;passwd'= {
        }
        &'authctl;help;user;invite'= {
        }
        &'authctl;help;user;ban'= {
        }
        &'authctl;help;user;unban'= {
        }
        &'authctl;help;user;delete'= {
        }
        &'authctl;help;secret'= {
            cand generate 'Generate a secret key from the OS random generator'
            cand check 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)'
            cand encrypt 'Encrypt stdin with Fernet under the secret key, token on stdout'
            cand decrypt 'Decrypt a Fernet token from stdin with the secret key'
            cand rotate 'Replace the secret key, re-encrypting every value encrypted with it'
            cand identify 'Find which key the stored encrypted values are under'
        }
        &'authctl;help;secret;generate'= {
        }
        &'authctl;help;secret;check'= {
        }
        &'authctl;help;secret;encrypt'= {
        }
        &'authctl;help;secret;decrypt'= {
        }
        &'authctl;help;secret;rotate'= {
        }
        &'authctl;help;secret;identify'= {
        }
        &'authctl;help;init'= {
        }
        &'authctl;help;keygen'= {
        }
        &'authctl;help;keys'= {
            cand list 'List current and retired signing keys'
            cand jwks 'Print a JWKS of every key that may still verify a token'
            cand retire 'Drop a retired key from verification'
            cand export 'Print the signing keys for another instance (prints secrets!)'
        }
        &'authctl;help;keys;list'= {
        }
        &'authctl;help;keys;jwks'= {
        }
        &'authctl;help;keys;retire'= {
        }
        &'authctl;help;keys;export'= {
        }
        &'authctl;help;token'= {
            cand mint 'Mint a signed JWT for a user; stdout gets the token and nothing else'
            cand decode 'Show a token''s header and claims WITHOUT verifying it'
            cand verify 'Verify a token with the local keys: exit 0 valid, 1 invalid'
            cand revoke 'Revoke refresh tokens'
            cand list 'List a user''s refresh tokens (never the tokens themselves)'
        }
        &'authctl;help;token;mint'= {
        }
        &'authctl;help;token;decode'= {
        }
        &'authctl;help;token;verify'= {
        }
        &'authctl;help;token;revoke'= {
        }
        &'authctl;help;token;list'= {
        }
        &'authctl;help;apikey'= {
            cand create 'Create an API key for a user; the key is printed once on stdout'
            cand list 'List API keys (never the keys themselves)'
            cand revoke 'Revoke an API key by id or name'
        }
        &'authctl;help;apikey;create'= {
        }
        &'authctl;help;apikey;list'= {
        }
        &'authctl;help;apikey;revoke'= {
        }
        &'authctl;help;apply'= {
        }
        &'authctl;help;export'= {
        }
        &'authctl;help;doctor'= {
        }
        &'authctl;help;releases'= {
        }
        &'authctl;help;completions'= {
        }
        &'authctl;help;help'= {
        }
    ]
    $completions[$command]
}
