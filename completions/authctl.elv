
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
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand superuser 'Create the superuser (or reset its password)'
            cand user 'Add, list, show, activate and manage users'
            cand completions 'Print shell completions for SHELL on stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;superuser'= {
            cand --username 'Username of the superuser [env: AUTHCTL_SUPERUSER]'
            cand --password-file 'Read the password from the first line of FILE'
            cand --password-env 'Read the password from the environment variable NAME'
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --password-stdin 'Read the password from the first line of stdin'
            cand --if-not-exists 'Succeed without changes when the user already exists'
            cand --reset-password 'Set a new password on an existing user and make it an active superuser'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
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
            cand delete 'Delete a user (asks on a terminal; --yes otherwise)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;user;add'= {
            cand --password-file 'Read the password from the first line of FILE'
            cand --password-env 'Read the password from the environment variable NAME'
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --password-stdin 'Read the password from the first line of stdin'
            cand --superuser 'Make the user a superuser'
            cand --active 'Make the user active now [env: AUTHCTL_NEW_USER_IS_ACTIVE]'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;list'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --superusers 'Only superusers'
            cand --inactive 'Only inactive users'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;show'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
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
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
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
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --force 'Allow deactivating the last active superuser'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;promote'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
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
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --force 'Allow demoting the last active superuser'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;user;passwd'= {
            cand --password-file 'Read the password from the first line of FILE'
            cand --password-env 'Read the password from the environment variable NAME'
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand --password-stdin 'Read the password from the first line of stdin'
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
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --force 'Allow deleting the last active superuser'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing on stderr except errors'
            cand --quiet 'Print nothing on stderr except errors'
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
        &'authctl;user;help;delete'= {
        }
        &'authctl;user;help;help'= {
        }
        &'authctl;completions'= {
            cand --config-dir 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]'
            cand --db 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]'
            cand --env-file 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment'
            cand --profile 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]'
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
        &'authctl;help;user;delete'= {
        }
        &'authctl;help;completions'= {
        }
        &'authctl;help;help'= {
        }
    ]
    $completions[$command]
}
