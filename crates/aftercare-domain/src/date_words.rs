//! Dates typed in words (issue 27): `today`, `yesterday` and weekday names, beside ISO
//! `YYYY-MM-DD`. A weekday name is the most recent such day, today included: care is
//! logged for days that have been, never for days to come.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// The day `text` names, counted back from `today`; `None` when it is not a date word.
pub fn date_in_words(text: &str, today: Date) -> Option<Date> {
    let word = text.trim().to_ascii_lowercase();
    match word.as_str() {
        "today" => return Some(today),
        "yesterday" => return today.yesterday().ok(),
        _ => {}
    }
    let weekday = weekday_named(&word)?;
    let back = today.weekday().since(weekday);
    today.checked_sub(i64::from(back).days()).ok()
}

/// `monday` or `mon` (any case) and so on.
fn weekday_named(word: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    NAMES
        .into_iter()
        .find(|(name, _)| *name == word || (word.len() == 3 && name.starts_with(word)))
        .map(|(_, day)| day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_count_back_from_today() {
        let today = jiff::civil::date(2027, 3, 17); // a Wednesday
        assert_eq!(date_in_words("today", today), Some(today));
        assert_eq!(
            date_in_words("Yesterday", today),
            Some(jiff::civil::date(2027, 3, 16))
        );
        assert_eq!(date_in_words("wednesday", today), Some(today));
        assert_eq!(
            date_in_words("mon", today),
            Some(jiff::civil::date(2027, 3, 15))
        );
        assert_eq!(
            date_in_words("Thursday", today),
            Some(jiff::civil::date(2027, 3, 11))
        );
        assert_eq!(date_in_words("tomorrow", today), None);
    }
}
