
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'authctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'authctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'authctl' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('superuser', 'superuser', [CompletionResultType]::ParameterValue, 'Create the superuser (or reset its password)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Add, list, show, activate and manage users')
            [CompletionResult]::new('secret', 'secret', [CompletionResultType]::ParameterValue, 'Generate, check and use the secret key (HS256 signing, Fernet encryption)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, '`authctl init` arguments')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make sure the signing keys for an algorithm exist (RSA pair or secret key)')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'List, publish, export and retire signing keys')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Mint, decode, verify and revoke JWTs')
            [CompletionResult]::new('apikey', 'apikey', [CompletionResultType]::ParameterValue, 'Create, list and revoke API keys')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the users and API keys match a file: plan, then apply in one transaction')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the users and API-key metadata in apply''s format (never a key)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the configuration, key directory and database for a safe deployment')
            [CompletionResult]::new('releases', 'releases', [CompletionResultType]::ParameterValue, 'List the releases of each app authctl serves')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions for SHELL on stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;superuser' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username of the superuser [env: AUTHCTL_SUPERUSER]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of FILE')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from the environment variable NAME')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without changes when the user already exists')
            [CompletionResult]::new('--reset-password', '--reset-password', [CompletionResultType]::ParameterName, 'Set a new password on an existing user and make it an active superuser')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users as a table (--json: an array of user objects)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate users so they can log in')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Deactivate users (refuses the last active superuser unless --force)')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make a user a superuser')
            [CompletionResult]::new('demote', 'demote', [CompletionResultType]::ParameterValue, 'Take superuser rights away (refuses the last active superuser unless --force)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set a user''s password')
            [CompletionResult]::new('invite', 'invite', [CompletionResultType]::ParameterValue, 'Invite a user to register, without a mail server (LibreChat): prints the registration link')
            [CompletionResult]::new('ban', 'ban', [CompletionResultType]::ParameterValue, 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then')
            [CompletionResult]::new('unban', 'unban', [CompletionResultType]::ParameterValue, 'Lift a user''s ban (LibreChat), with the addresses banned with it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;user;add' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of FILE')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from the environment variable NAME')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('--superuser', '--superuser', [CompletionResultType]::ParameterName, 'Make the user a superuser')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'Make the user active now [env: AUTHCTL_NEW_USER_IS_ACTIVE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;list' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--superusers', '--superusers', [CompletionResultType]::ParameterName, 'Only superusers')
            [CompletionResult]::new('--inactive', '--inactive', [CompletionResultType]::ParameterName, 'Only inactive users')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;show' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;activate' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;deactivate' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow deactivating the last active superuser')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;promote' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;demote' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow demoting the last active superuser')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;passwd' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of FILE')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from the environment variable NAME')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;invite' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;ban' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'How long: seconds or 30m, 12h, 7d, 2w')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;unban' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;delete' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow deleting the last active superuser')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users as a table (--json: an array of user objects)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate users so they can log in')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Deactivate users (refuses the last active superuser unless --force)')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make a user a superuser')
            [CompletionResult]::new('demote', 'demote', [CompletionResultType]::ParameterValue, 'Take superuser rights away (refuses the last active superuser unless --force)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set a user''s password')
            [CompletionResult]::new('invite', 'invite', [CompletionResultType]::ParameterValue, 'Invite a user to register, without a mail server (LibreChat): prints the registration link')
            [CompletionResult]::new('ban', 'ban', [CompletionResultType]::ParameterValue, 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then')
            [CompletionResult]::new('unban', 'unban', [CompletionResultType]::ParameterValue, 'Lift a user''s ban (LibreChat), with the addresses banned with it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;user;help;add' {
            break
        }
        'authctl;user;help;list' {
            break
        }
        'authctl;user;help;show' {
            break
        }
        'authctl;user;help;activate' {
            break
        }
        'authctl;user;help;deactivate' {
            break
        }
        'authctl;user;help;promote' {
            break
        }
        'authctl;user;help;demote' {
            break
        }
        'authctl;user;help;passwd' {
            break
        }
        'authctl;user;help;invite' {
            break
        }
        'authctl;user;help;ban' {
            break
        }
        'authctl;user;help;unban' {
            break
        }
        'authctl;user;help;delete' {
            break
        }
        'authctl;user;help;help' {
            break
        }
        'authctl;secret' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate a secret key from the OS random generator')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt stdin with Fernet under the secret key, token on stdout')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt a Fernet token from stdin with the secret key')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace the secret key, re-encrypting every value encrypted with it')
            [CompletionResult]::new('identify', 'identify', [CompletionResultType]::ParameterValue, 'Find which key the stored encrypted values are under')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;secret;generate' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'Random bytes to draw (at least 32) [default: 32; Flowise''s encryption key: 24, its own size]')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'How to encode the bytes [default: urlsafe; Flowise: base64]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Print a NAME=value line for a .env file instead of the bare secret')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Store it as `secret_key` in the config dir (prints path and fingerprint, not the secret)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing `secret_key` (the old one is kept as a backup)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;secret;check' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the secret from FILE')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Read the secret from the environment variable NAME')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Read the secret from the first line of stdin')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;secret;encrypt' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--cipher', '--cipher', [CompletionResultType]::ParameterName, 'LibreChat''s cipher (librechat profile only)')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;secret;decrypt' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--cipher', '--cipher', [CompletionResultType]::ParameterName, 'LibreChat''s cipher (librechat profile only)')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;secret;rotate' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--from-key', '--from-key', [CompletionResultType]::ParameterName, 'Recover instead: re-encrypt the values under the key in FILE (an old key, found with `secret identify`) to the current key, which stays; values already under the current key are kept. Repeat it for values split across several old keys (two redeploys): every value under any of them moves, in one transaction')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--new-key-stdin', '--new-key-stdin', [CompletionResultType]::ParameterName, 'Read the new secret key from the first line of stdin')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Generate the new secret key (the default)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what would change and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;secret;identify' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;secret;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate a secret key from the OS random generator')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt stdin with Fernet under the secret key, token on stdout')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt a Fernet token from stdin with the secret key')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace the secret key, re-encrypting every value encrypted with it')
            [CompletionResult]::new('identify', 'identify', [CompletionResultType]::ParameterValue, 'Find which key the stored encrypted values are under')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;secret;help;generate' {
            break
        }
        'authctl;secret;help;check' {
            break
        }
        'authctl;secret;help;encrypt' {
            break
        }
        'authctl;secret;help;decrypt' {
            break
        }
        'authctl;secret;help;rotate' {
            break
        }
        'authctl;secret;help;identify' {
            break
        }
        'authctl;secret;help;help' {
            break
        }
        'authctl;init' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What to write')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The .env file to add to (env), the manifest file (k8s-secret), or the key directory (files, Flowise; default SECRETKEY_PATH)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The Secret''s name (k8s-secret) [default: <profile>-secrets]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace values and files that are already there (keeping backups)')
            [CompletionResult]::new('--rs256', '--rs256', [CompletionResultType]::ParameterName, 'Also an RS256 key pair and the algorithm variable (native, Langflow)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;keygen' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--alg', '--alg', [CompletionResultType]::ParameterName, 'Signing algorithm [env: AUTHCTL_ALGORITHM] [default: HS256]')
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'RSA key size in bits [default: 2048]; a kept key of another size is refused without --force')
            [CompletionResult]::new('--from-private', '--from-private', [CompletionResultType]::ParameterName, 'Import an existing RSA private key (PKCS#1 or PKCS#8 PEM) from FILE, or - for stdin')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Rotate: retire the current key pair (still verifies until `keys retire`) and make a new one')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;keys' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List current and retired signing keys')
            [CompletionResult]::new('jwks', 'jwks', [CompletionResultType]::ParameterValue, 'Print a JWKS of every key that may still verify a token')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Drop a retired key from verification')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the signing keys for another instance (prints secrets!)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;keys;list' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;keys;jwks' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;keys;retire' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;keys;export' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the Kubernetes Secret')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;keys;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List current and retired signing keys')
            [CompletionResult]::new('jwks', 'jwks', [CompletionResultType]::ParameterValue, 'Print a JWKS of every key that may still verify a token')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Drop a retired key from verification')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the signing keys for another instance (prints secrets!)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;keys;help;list' {
            break
        }
        'authctl;keys;help;jwks' {
            break
        }
        'authctl;keys;help;retire' {
            break
        }
        'authctl;keys;help;export' {
            break
        }
        'authctl;keys;help;help' {
            break
        }
        'authctl;token' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('mint', 'mint', [CompletionResultType]::ParameterValue, 'Mint a signed JWT for a user; stdout gets the token and nothing else')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Show a token''s header and claims WITHOUT verifying it')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a token with the local keys: exit 0 valid, 1 invalid')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke refresh tokens')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s refresh tokens (never the tokens themselves)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;token;mint' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user the token is for (sub = the user''s id)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Token type')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime: seconds or 15m, 1h, 7d [default: AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS or AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS]')
            [CompletionResult]::new('--alg', '--alg', [CompletionResultType]::ParameterName, 'Signing algorithm [env: AUTHCTL_ALGORITHM] [default: HS256]')
            [CompletionResult]::new('--claim', '--claim', [CompletionResultType]::ParameterName, 'Extra claim KEY=VALUE (VALUE parsed as JSON when it is JSON); repeatable')
            [CompletionResult]::new('--iss', '--iss', [CompletionResultType]::ParameterName, 'Issuer claim [env: AUTHCTL_JWT_ISSUER]')
            [CompletionResult]::new('--aud', '--aud', [CompletionResultType]::ParameterName, 'Audience claim [env: AUTHCTL_JWT_AUDIENCE]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;token;decode' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;token;verify' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Require this token type')
            [CompletionResult]::new('--leeway', '--leeway', [CompletionResultType]::ParameterName, 'Seconds of clock skew to accept for exp and nbf')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge exp and nbf as of TIME (Unix seconds or RFC 3339) instead of now')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Check only the signature and claims, not the database (user, revocation)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;token;revoke' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--jti', '--jti', [CompletionResultType]::ParameterName, 'The token''s jti')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Every refresh token of this user (with --all)')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'With --user: revoke all of that user''s refresh tokens')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;token;list' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Username')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;token;help' {
            [CompletionResult]::new('mint', 'mint', [CompletionResultType]::ParameterValue, 'Mint a signed JWT for a user; stdout gets the token and nothing else')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Show a token''s header and claims WITHOUT verifying it')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a token with the local keys: exit 0 valid, 1 invalid')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke refresh tokens')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s refresh tokens (never the tokens themselves)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;token;help;mint' {
            break
        }
        'authctl;token;help;decode' {
            break
        }
        'authctl;token;help;verify' {
            break
        }
        'authctl;token;help;revoke' {
            break
        }
        'authctl;token;help;list' {
            break
        }
        'authctl;token;help;help' {
            break
        }
        'authctl;apikey' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API key for a user; the key is printed once on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List API keys (never the keys themselves)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API key by id or name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;apikey;create' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user the key acts as')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name to recognise the key by (Flowise requires one)')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'A permission the key gets, as Flowise names them (chatflows:view, ...); repeatable. Flowise keys only: the default is every permission its user has (workspace:* and admin:* never)')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;apikey;list' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user''s keys')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;apikey;revoke' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;apikey;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API key for a user; the key is printed once on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List API keys (never the keys themselves)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API key by id or name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;apikey;help;create' {
            break
        }
        'authctl;apikey;help;list' {
            break
        }
        'authctl;apikey;help;revoke' {
            break
        }
        'authctl;apikey;help;help' {
            break
        }
        'authctl;apply' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s format [default: by its extension; YAML for stdin, which also reads JSON]')
            [CompletionResult]::new('--secrets-out', '--secrets-out', [CompletionResultType]::ParameterName, 'Write generated passwords and keys to FILE (JSON, 0600, never overwritten) instead of stdout')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads for password hashing [default: one per core]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing: exit 0 when nothing would change, 1 when something would')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete the users and API keys the file does not declare (never the last active superuser)')
            [CompletionResult]::new('--update-passwords', '--update-passwords', [CompletionResultType]::ParameterName, 'Set the declared password of existing users too (by default only new users get one)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;export' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (0600, atomically) instead of stdout; an existing FILE is refused')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--with-hashes', '--with-hashes', [CompletionResultType]::ParameterName, 'Include password hashes, for moving the accounts to another instance')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --out, replace an existing FILE (the old one is kept as a backup)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;doctor' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as failures')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;releases' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;completions' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--allow-unknown-release', '--allow-unknown-release', [CompletionResultType]::ParameterName, 'Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;help' {
            [CompletionResult]::new('superuser', 'superuser', [CompletionResultType]::ParameterValue, 'Create the superuser (or reset its password)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Add, list, show, activate and manage users')
            [CompletionResult]::new('secret', 'secret', [CompletionResultType]::ParameterValue, 'Generate, check and use the secret key (HS256 signing, Fernet encryption)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write the complete, strong set of secrets the app needs')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make sure the signing keys for an algorithm exist (RSA pair or secret key)')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'List, publish, export and retire signing keys')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Mint, decode, verify and revoke JWTs')
            [CompletionResult]::new('apikey', 'apikey', [CompletionResultType]::ParameterValue, 'Create, list and revoke API keys')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the users and API keys match a file: plan, then apply in one transaction')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the users and API-key metadata in apply''s format (never a key)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the configuration, key directory and database for a safe deployment')
            [CompletionResult]::new('releases', 'releases', [CompletionResultType]::ParameterValue, 'List the releases of each app authctl serves')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions for SHELL on stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;help;superuser' {
            break
        }
        'authctl;help;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users as a table (--json: an array of user objects)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate users so they can log in')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Deactivate users (refuses the last active superuser unless --force)')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make a user a superuser')
            [CompletionResult]::new('demote', 'demote', [CompletionResultType]::ParameterValue, 'Take superuser rights away (refuses the last active superuser unless --force)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set a user''s password')
            [CompletionResult]::new('invite', 'invite', [CompletionResultType]::ParameterValue, 'Invite a user to register, without a mail server (LibreChat): prints the registration link')
            [CompletionResult]::new('ban', 'ban', [CompletionResultType]::ParameterValue, 'Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then')
            [CompletionResult]::new('unban', 'unban', [CompletionResultType]::ParameterValue, 'Lift a user''s ban (LibreChat), with the addresses banned with it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (asks on a terminal; --yes otherwise)')
            break
        }
        'authctl;help;user;add' {
            break
        }
        'authctl;help;user;list' {
            break
        }
        'authctl;help;user;show' {
            break
        }
        'authctl;help;user;activate' {
            break
        }
        'authctl;help;user;deactivate' {
            break
        }
        'authctl;help;user;promote' {
            break
        }
        'authctl;help;user;demote' {
            break
        }
        'authctl;help;user;passwd' {
            break
        }
        'authctl;help;user;invite' {
            break
        }
        'authctl;help;user;ban' {
            break
        }
        'authctl;help;user;unban' {
            break
        }
        'authctl;help;user;delete' {
            break
        }
        'authctl;help;secret' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate a secret key from the OS random generator')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt stdin with Fernet under the secret key, token on stdout')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt a Fernet token from stdin with the secret key')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace the secret key, re-encrypting every value encrypted with it')
            [CompletionResult]::new('identify', 'identify', [CompletionResultType]::ParameterValue, 'Find which key the stored encrypted values are under')
            break
        }
        'authctl;help;secret;generate' {
            break
        }
        'authctl;help;secret;check' {
            break
        }
        'authctl;help;secret;encrypt' {
            break
        }
        'authctl;help;secret;decrypt' {
            break
        }
        'authctl;help;secret;rotate' {
            break
        }
        'authctl;help;secret;identify' {
            break
        }
        'authctl;help;init' {
            break
        }
        'authctl;help;keygen' {
            break
        }
        'authctl;help;keys' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List current and retired signing keys')
            [CompletionResult]::new('jwks', 'jwks', [CompletionResultType]::ParameterValue, 'Print a JWKS of every key that may still verify a token')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Drop a retired key from verification')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the signing keys for another instance (prints secrets!)')
            break
        }
        'authctl;help;keys;list' {
            break
        }
        'authctl;help;keys;jwks' {
            break
        }
        'authctl;help;keys;retire' {
            break
        }
        'authctl;help;keys;export' {
            break
        }
        'authctl;help;token' {
            [CompletionResult]::new('mint', 'mint', [CompletionResultType]::ParameterValue, 'Mint a signed JWT for a user; stdout gets the token and nothing else')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Show a token''s header and claims WITHOUT verifying it')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a token with the local keys: exit 0 valid, 1 invalid')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke refresh tokens')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s refresh tokens (never the tokens themselves)')
            break
        }
        'authctl;help;token;mint' {
            break
        }
        'authctl;help;token;decode' {
            break
        }
        'authctl;help;token;verify' {
            break
        }
        'authctl;help;token;revoke' {
            break
        }
        'authctl;help;token;list' {
            break
        }
        'authctl;help;apikey' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API key for a user; the key is printed once on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List API keys (never the keys themselves)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API key by id or name')
            break
        }
        'authctl;help;apikey;create' {
            break
        }
        'authctl;help;apikey;list' {
            break
        }
        'authctl;help;apikey;revoke' {
            break
        }
        'authctl;help;apply' {
            break
        }
        'authctl;help;export' {
            break
        }
        'authctl;help;doctor' {
            break
        }
        'authctl;help;releases' {
            break
        }
        'authctl;help;completions' {
            break
        }
        'authctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
