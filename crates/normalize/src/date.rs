//! The calendar day an ISO 8601 date begins with, for ordering articles and telling how far
//! apart two are.
//!
//! Hand-written: a dozen lines, where a date crate would bring parsing of formats whose order
//! we could not trust anyway (`06/07/2025`).

/// The calendar day `(year, month, day)` of an ISO 8601 date: `YYYY-MM-DD`, then nothing or a
/// time after `T` or a space, which is ignored (`2025-06-12`, `2025-06-12T09:30:00Z`); else
/// `None`. Year 0, months out of range and days past the month's end are `None`.
///
/// ```
/// use newsdiff_normalize::date::iso_day;
/// assert_eq!(iso_day(" 2025-06-12T09:30Z"), Some((2025, 6, 12)));
/// assert_eq!(iso_day("12/06/2025"), None);
/// assert_eq!(iso_day("2025-02-29"), None);
/// assert_eq!(iso_day("2024-02-29"), Some((2024, 2, 29)));
/// ```
pub fn iso_day(date: &str) -> Option<(i64, u32, u32)> {
    let d = date.trim();
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = d.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let iso = b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && year > 0
        && (1..=12).contains(&month)
        && (1..=days_in_month).contains(&day)
        && (b.len() == 10 || matches!(b[10], b'T' | b't' | b' '));
    iso.then_some((i64::from(year), month, day))
}

/// Days since 1970-01-01 of the day [`iso_day`] reads (the days-from-civil formula of
/// H. Hinnant), for how far apart two dates are.
///
/// ```
/// use newsdiff_normalize::date::day_number;
/// assert_eq!(day_number("1970-01-02"), Some(1));
/// assert_eq!(day_number("2024-03-01").zip(day_number("2024-02-28")).map(|(a, b)| a - b), Some(2));
/// ```
pub fn day_number(date: &str) -> Option<i64> {
    let (y, m, d) = iso_day(date)?;
    let (m, d) = (i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_calendar_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("2025-06-12T09:30:00Z"), day_number("2025-06-12"));
        assert_eq!(day_number("12/06/2025"), None);
        assert_eq!(day_number("2025-13-01"), None);
        assert_eq!(iso_day("2025-02-30"), None);
    }
}
