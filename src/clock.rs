//! The one clock and the time formats authctl writes.
//!
//! Every "now" comes from here, so the formats stay one decision each:
//! stored rows and audit records carry RFC 3339 UTC with microseconds (two
//! changes in one second still sort); the key manifest and file times carry
//! whole seconds (what `keys list` shows); tokens carry Unix seconds.

use chrono::{DateTime, SecondsFormat, Utc};

/// Now.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Now as Unix seconds (the `iat`/`exp` clock).
pub fn unix_now() -> i64 {
    now().timestamp()
}

/// Now as stored in a row or an audit record: RFC 3339 UTC, microseconds.
pub fn now_rfc3339() -> String {
    rfc3339_micros(now())
}

/// `t` as RFC 3339 UTC with microseconds.
pub fn rfc3339_micros(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// `t` as RFC 3339 UTC in whole seconds.
pub fn rfc3339_secs(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Unix seconds as RFC 3339 UTC in whole seconds (the number itself when
/// it is out of chrono's range).
pub fn unix_to_rfc3339(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .map(rfc3339_secs)
        .unwrap_or_else(|| secs.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let t = DateTime::<Utc>::from_timestamp(1_700_000_000, 123_456_000).unwrap();
        assert_eq!(rfc3339_micros(t), "2023-11-14T22:13:20.123456Z");
        assert_eq!(rfc3339_secs(t), "2023-11-14T22:13:20Z");
        assert_eq!(unix_to_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(unix_to_rfc3339(i64::MAX), i64::MAX.to_string());
        assert!((unix_now() - now().timestamp()).abs() <= 1);
    }
}
