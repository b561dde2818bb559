
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('superuser', 'superuser', [CompletionResultType]::ParameterValue, 'Create the superuser (or reset its password)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Add, list, show, activate and manage users')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions for SHELL on stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;superuser' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username of the superuser [env: AUTHCTL_SUPERUSER]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of FILE')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from the environment variable NAME')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without changes when the user already exists')
            [CompletionResult]::new('--reset-password', '--reset-password', [CompletionResultType]::ParameterName, 'Set a new password on an existing user and make it an active superuser')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
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
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;user;add' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of FILE')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from the environment variable NAME')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('--superuser', '--superuser', [CompletionResultType]::ParameterName, 'Make the user a superuser')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'Make the user active now [env: AUTHCTL_NEW_USER_IS_ACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;list' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--superusers', '--superusers', [CompletionResultType]::ParameterName, 'Only superusers')
            [CompletionResult]::new('--inactive', '--inactive', [CompletionResultType]::ParameterName, 'Only inactive users')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;show' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow deactivating the last active superuser')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;promote' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow demoting the last active superuser')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;user;passwd' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of FILE')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from the environment variable NAME')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
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
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow deleting the last active superuser')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr except errors')
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
        'authctl;user;help;delete' {
            break
        }
        'authctl;user;help;help' {
            break
        }
        'authctl;completions' {
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database: a path or a sqlite:///abs/path URL [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which app''s settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]')
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
        'authctl;help;user;delete' {
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
