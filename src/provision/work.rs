//! bcrypt work on all cores, and generated passwords.

use crate::error::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// More objects than fit on a screen: a progress bar is worth showing.
pub const SCREENFUL: usize = 40;

/// The threads to use when none are asked for: one per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Run `f` over `items` on `jobs` scoped threads; results in input order.
/// The first error stops the others from taking more work and is returned.
pub fn parallel<T: Send, R: Send>(
    items: Vec<T>,
    jobs: usize,
    f: impl Fn(T) -> Result<R> + Sync,
) -> Result<Vec<R>> {
    let n = items.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let out: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<(usize, Error)>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, n) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n || failed.lock().map_or(true, |f| f.is_some()) {
                    return;
                }
                let Some(item) = slots[i].lock().ok().and_then(|mut s| s.take()) else {
                    return;
                };
                match f(item) {
                    Ok(r) => {
                        if let Ok(mut slot) = out[i].lock() {
                            *slot = Some(r);
                        }
                    }
                    Err(e) => {
                        if let Ok(mut first) = failed.lock() {
                            // The earliest item's error, as a sequential
                            // run would report it.
                            if first.as_ref().is_none_or(|(j, _)| i < *j) {
                                *first = Some((i, e));
                            }
                        }
                    }
                }
            });
        }
    });
    if let Some((_, e)) = failed.into_inner().ok().flatten() {
        return Err(e);
    }
    out.into_iter()
        .map(|m| {
            m.into_inner().ok().flatten().ok_or_else(|| {
                Error::Failure("a worker thread stopped before its work was done".into())
            })
        })
        .collect()
}

/// A new random password that the profile's app accepts: 24 characters
/// of URL-safe base64 (144 bits), drawn again until it has what the app's
/// rule asks for (Flowise: a lower-case and an upper-case letter, a digit
/// and a symbol).
pub fn generate_password(app: &dyn crate::apps::App) -> Result<SecretString> {
    for _ in 0..1000 {
        use base64::Engine as _;
        let raw = zeroize::Zeroizing::new(crate::secrets::random_array::<18>()?);
        let pw = SecretString::from(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(*raw));
        let s = pw.expose_secret();
        if app.password_problem(s).is_none() {
            return Ok(pw);
        }
    }
    Err(Error::Failure(
        "cannot generate a password the app accepts".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_keeps_order_and_reports_the_first_error() {
        let out = parallel((0..100).collect(), 4, |i: u32| Ok(i * 2)).unwrap();
        assert_eq!(out, (0..100).map(|i| i * 2).collect::<Vec<_>>());
        let err = parallel((0..100).collect(), 1, |i: u32| {
            if i >= 50 {
                Err(Error::usage(format!("bad {i}")))
            } else {
                Ok(i)
            }
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "bad 50");
    }

    #[test]
    fn generated_passwords_fit_the_rule() {
        for _ in 0..50 {
            let pw =
                generate_password(crate::profile::Profile::from_name("flowise").unwrap().app())
                    .unwrap();
            let s = pw.expose_secret();
            assert_eq!(s.len(), 24);
            assert!(s.chars().any(|c| !c.is_ascii_alphanumeric()), "{s}");
        }
    }
}
