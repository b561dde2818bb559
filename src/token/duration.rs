//! Token lifetimes in and out: `--ttl` parsing and compact relative times for humans.
//!
//! A parsed TTL is always in `1..=MAX_TTL_SECS` seconds. Humanized durations show the
//! largest unit and, when it is not zero, the next one down (`59m59s`, `3h`, `2d4h`);
//! arithmetic is done in `i128`, so no pair of `i64` instants can overflow.

use crate::error::{Error, Result};

/// The longest lifetime `--ttl` accepts: 100 years of 365 days.
pub const MAX_TTL_SECS: u64 = 100 * 365 * DAY;

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
const WEEK: u64 = 7 * DAY;

const TTL_HINT: &str = "use seconds (3600) or units s, m, h, d, w (e.g. 15m, 1h30m, 7d)";

/// Parse a `--ttl` value: plain seconds (`3600`) or units from largest to smallest,
/// each at most once (`30s`, `15m`, `1h`, `7d`, `2w`, `1h30m`, `1d 12h`).
///
/// Zero, negative, fractional, unknown units, empty input and anything over
/// [`MAX_TTL_SECS`] are usage errors that name `--ttl` and give an example.
pub fn parse_ttl(s: &str) -> Result<u64> {
    parse_length("--ttl", "a token", s)
}

/// Parse a length of time given to `flag` for `what` (e.g. `--for`, "a
/// ban"), as [`parse_ttl`] reads one.
pub fn parse_length(flag: &str, what: &str, s: &str) -> Result<u64> {
    let text = s.trim();
    let shown = super::quoted(s);
    if text.is_empty() {
        return Err(Error::usage(format!("{flag} is empty; {TTL_HINT}")));
    }
    if text.starts_with('-') {
        return Err(Error::usage(format!(
            "{flag} {shown} is negative; {what} needs a positive lifetime (e.g. 15m)"
        )));
    }
    let too_long = || {
        Error::usage(format!(
            "{flag} {shown} is too long; at most 100 years, e.g. 36500d"
        ))
    };

    let total = if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse::<u64>().map_err(|_| too_long())?
    } else {
        parse_units(flag, text, &shown)?.ok_or_else(too_long)?
    };
    if total == 0 {
        return Err(Error::usage(format!(
            "{flag} {shown} is zero; {what} needs a positive lifetime (e.g. 15m)"
        )));
    }
    if total > MAX_TTL_SECS {
        return Err(too_long());
    }
    Ok(total)
}

/// Sum `1h30m`-style components; `Ok(None)` means the sum overflowed.
fn parse_units(flag: &str, text: &str, shown: &str) -> Result<Option<u64>> {
    let bad = |what: String| Error::usage(format!("{flag} {shown} {what}; {TTL_HINT}"));
    let mut total: u64 = 0;
    let mut number: Option<u64> = None;
    let mut overflow = false;
    // Rank of the last unit seen: units must strictly decrease (w > d > h > m > s).
    let mut last_rank = u8::MAX;
    for ch in text.chars() {
        if let Some(digit) = ch.to_digit(10) {
            let next = number
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(digit)));
            overflow |= next.is_none();
            number = Some(next.unwrap_or(u64::MAX));
            continue;
        }
        if ch.is_whitespace() {
            if number.is_some() {
                return Err(bad("has a number without a unit".into()));
            }
            continue;
        }
        let (rank, size) = match ch {
            'w' => (4, WEEK),
            'd' => (3, DAY),
            'h' => (2, HOUR),
            'm' => (1, MINUTE),
            's' => (0, 1),
            '.' | ',' => return Err(bad("has a fraction; use a smaller unit".into())),
            other => return Err(bad(format!("has an unknown unit {other:?}"))),
        };
        let Some(n) = number.take() else {
            return Err(bad(format!("has unit {ch:?} without a number")));
        };
        if rank >= last_rank {
            return Err(Error::usage(format!(
                "{flag} {shown}: write units from largest to smallest, each once (e.g. 1h30m)"
            )));
        }
        last_rank = rank;
        match n.checked_mul(size).and_then(|v| total.checked_add(v)) {
            Some(sum) => total = sum,
            None => overflow = true,
        }
    }
    if number.is_some() {
        return Err(bad("has a number without a unit".into()));
    }
    Ok((!overflow).then_some(total))
}

/// A compact duration: the largest unit and the next one when non-zero
/// (`0s`, `45s`, `59m59s`, `3h`, `1h30m`, `2d4h`, `400d`).
pub fn humanize_duration(secs: u64) -> String {
    const UNITS: [(u64, &str); 4] = [(DAY, "d"), (HOUR, "h"), (MINUTE, "m"), (1, "s")];
    let Some(index) = UNITS.iter().position(|(size, _)| secs >= *size) else {
        return "0s".to_string();
    };
    let (size, unit) = UNITS[index];
    let mut out = format!("{}{unit}", secs / size);
    if let Some((next_size, next_unit)) = UNITS.get(index + 1) {
        let minor = (secs % size) / next_size;
        if minor > 0 {
            out.push_str(&format!("{minor}{next_unit}"));
        }
    }
    out
}

/// How far `target` is from `now`, as an unsigned span (fits: |i64 - i64| < 2^64).
fn span(target: i64, now: i64) -> (std::cmp::Ordering, String) {
    let diff = i128::from(target) - i128::from(now);
    let secs = u64::try_from(diff.unsigned_abs()).unwrap_or(u64::MAX);
    (diff.cmp(&0), humanize_duration(secs))
}

/// An expiry (`exp`) relative to `now`: `expires in 59m`, `expired 3h ago`,
/// `expired just now` (a token is expired from the second its `exp` names).
pub fn humanize_relative(target: i64, now: i64) -> String {
    match span(target, now) {
        (std::cmp::Ordering::Greater, d) => format!("expires in {d}"),
        (std::cmp::Ordering::Equal, _) => "expired just now".to_string(),
        (std::cmp::Ordering::Less, d) => format!("expired {d} ago"),
    }
}

/// An issue time (`iat`) relative to `now`: `issued 5m ago`, `issued just now`,
/// `issued in 5m` (a clock ahead of ours).
pub fn humanize_issued(iat: i64, now: i64) -> String {
    match span(iat, now) {
        (std::cmp::Ordering::Greater, d) => format!("issued in {d}"),
        (std::cmp::Ordering::Equal, _) => "issued just now".to_string(),
        (std::cmp::Ordering::Less, d) => format!("issued {d} ago"),
    }
}

/// A not-before time (`nbf`) relative to `now`: `valid in 5m`, `valid since 2h ago`,
/// `valid since just now`.
pub fn humanize_not_before(nbf: i64, now: i64) -> String {
    match span(nbf, now) {
        (std::cmp::Ordering::Greater, d) => format!("valid in {d}"),
        (std::cmp::Ordering::Equal, _) => "valid since just now".to_string(),
        (std::cmp::Ordering::Less, d) => format!("valid since {d} ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_ttl_accepts_seconds_units_and_combinations() {
        let cases: &[(&str, u64)] = &[
            ("1", 1),
            ("3600", 3600),
            (" 900 ", 900),
            ("30s", 30),
            ("15m", 900),
            ("1h", 3600),
            ("7d", 604_800),
            ("2w", 1_209_600),
            ("1h30m", 5400),
            ("1d12h", 129_600),
            ("1d 12h", 129_600),
            ("1w2d3h4m5s", 788_645),
            ("90m", 5400),
            ("0h5m", 300),
            ("007s", 7),
            ("5200w", 5200 * WEEK),
            ("3153600000", MAX_TTL_SECS),
        ];
        for (text, secs) in cases {
            assert_eq!(parse_ttl(text).unwrap(), *secs, "{text:?}");
        }
    }

    #[test]
    fn parse_ttl_refuses_with_a_usage_error_naming_the_flag() {
        let cases: &[(&str, &str)] = &[
            ("", "--ttl is empty"),
            ("   ", "--ttl is empty"),
            ("0", "is zero"),
            ("0s", "is zero"),
            ("0h0m", "is zero"),
            ("-5", "is negative"),
            ("-5m", "is negative"),
            ("abc", "unknown unit 'a'"),
            ("1y", "unknown unit 'y'"),
            ("5M", "unknown unit 'M'"),
            ("+5", "unknown unit '+'"),
            ("1.5h", "has a fraction"),
            ("1h30", "number without a unit"),
            ("1 h", "number without a unit"),
            ("h", "unit 'h' without a number"),
            ("1hm", "unit 'm' without a number"),
            ("30m1h", "largest to smallest"),
            ("1h1h", "largest to smallest"),
            ("3153600001", "too long"),
            ("5300w", "too long"),
            ("18446744073709551616", "too long"),
            ("99999999999999999999999s", "too long"),
            ("18446744073709551615w", "too long"),
            ("1w18446744073709551615s", "too long"),
        ];
        for (text, needle) in cases {
            let err = parse_ttl(text).unwrap_err();
            let msg = err.to_string();
            assert_eq!(err.exit_code(), 2, "{text:?}");
            assert!(msg.contains("--ttl"), "{text:?}: {msg}");
            assert!(msg.contains(needle), "{text:?}: {msg}");
            assert!(msg.contains("e.g."), "{text:?}: {msg}");
        }
    }

    #[test]
    fn humanize_duration_shows_one_or_two_units() {
        let cases: &[(u64, &str)] = &[
            (0, "0s"),
            (1, "1s"),
            (59, "59s"),
            (60, "1m"),
            (61, "1m1s"),
            (3540, "59m"),
            (3599, "59m59s"),
            (3600, "1h"),
            (3612, "1h"),
            (5400, "1h30m"),
            (86_399, "23h59m"),
            (86_400, "1d"),
            (129_600, "1d12h"),
            (604_800, "7d"),
            (400 * DAY + 59, "400d"),
            (u64::MAX, "213503982334601d7h"),
        ];
        for (secs, text) in cases {
            assert_eq!(humanize_duration(*secs), *text, "{secs}");
        }
    }

    #[test]
    fn humanize_relative_times() {
        let now = 1_700_000_000;
        let cases: Vec<(String, &str)> = vec![
            (humanize_relative(now + 3540, now), "expires in 59m"),
            (humanize_relative(now + 1, now), "expires in 1s"),
            (humanize_relative(now, now), "expired just now"),
            (humanize_relative(now - 3 * 3600, now), "expired 3h ago"),
            (humanize_relative(now - 90_000, now), "expired 1d1h ago"),
            (humanize_issued(now - 300, now), "issued 5m ago"),
            (humanize_issued(now, now), "issued just now"),
            (humanize_issued(now + 30, now), "issued in 30s"),
            (humanize_not_before(now + 300, now), "valid in 5m"),
            (humanize_not_before(now, now), "valid since just now"),
            (humanize_not_before(now - 7200, now), "valid since 2h ago"),
            (
                humanize_relative(i64::MAX, i64::MIN),
                "expires in 213503982334601d7h",
            ),
            (
                humanize_relative(i64::MIN, i64::MAX),
                "expired 213503982334601d7h ago",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}
