//! Figures with units ("8%", "84,3 nghìn tỷ đồng", "không quá 3 ngày") and
//! references to other documents ("Nghị quyết số 57-NQ/TW"): the figure
//! chosen among near ones for a blank in its clause, and typed in.

use super::Generator;
use crate::keypoints::KeyPoint;
use crate::numbers::{format_number, parse_number};
use crate::quiz::{Answer, Question};

impl Generator<'_> {
    pub(super) fn figure(
        &self,
        point: &KeyPoint,
        figure: &str,
        unit: &str,
        qualifier: &str,
        out: &mut Vec<Question>,
    ) {
        let sentence = point.sentence(self.doc);
        let explanation = format!("Văn bản nêu: {}.", point.phrase);
        // Chosen: the figure and its unit blanked, choices written with the unit.
        let written = written_with_unit(&point.phrase, figure, unit);
        let mut rng = self.rng(&point.id);
        let others = figure_distractors(
            figure,
            sentence,
            unit,
            super::phrasing::bound_of(qualifier),
            &mut rng,
        );
        // "trên 20%", "không quá 30 ngày": the blank keeps the bound and the
        // distractors lie where the bound makes them false (above a floor,
        // below a ceiling, away from a rounding).
        if others.len() == 3
            && let Some((text, _)) = self.blanked(point, &written)
        {
            let glue = &written[figure.len()..written.len() - unit.len()];
            let mut choices: Vec<String> =
                others.iter().map(|f| format!("{f}{glue}{unit}")).collect();
            // In order with the others: an answer out of order among sorted
            // figures ("15% | 30% | 35% | 20%") gives itself away.
            let answer = others
                .iter()
                .take_while(|o| first_value(o) < first_value(figure))
                .count();
            choices.insert(answer, written.clone());
            out.push(self.question(
                point,
                "choice",
                format!("Chọn số liệu đúng với văn bản cho chỗ trống: «{text}»"),
                Answer::SingleChoice { choices, answer },
                explanation.clone(),
            ));
        }
        // Typed: the figure alone blanked, its unit left as a hint.
        let mut accepted = vec![figure.replace(' ', "")];
        if let Some(n) = parse_number(figure) {
            accepted.push(format_number(n));
        }
        self.blank_in_clause(point, figure, &accepted, "blank", out);
    }

    pub(super) fn reference(
        &self,
        point: &KeyPoint,
        kind: &str,
        number: &str,
        out: &mut Vec<Question>,
    ) {
        // A trainer asks the number of a resolution, a conclusion, a
        // directive or a law — not of a report, a plan or a submission.
        // And a law; not a decree, a decision, a guidance or a circular: a
        // trainer's reading found those cited in passing, obscure to a room.
        let landmark = ["nghị quyết", "kết luận", "chỉ thị", "quy định", "luật"]
            .iter()
            .any(|k| crate::text::eq_folded(kind, k, crate::text::Fold::Case));
        // "Căn cứ Luật số …": the legal basis lines of a decree; "theo quy
        // định tại Nghị quyết số …": a cross-reference, not what the text
        // is about.
        let basis = point.sentence(self.doc).trim_start().starts_with("Căn cứ");
        let block = &self.doc.blocks[point.block].text;
        let before = block.get(..point.range.start).unwrap_or("");
        // The last 60 characters before the number.
        let from = before.char_indices().rev().nth(59).map_or(0, |(i, _)| i);
        let near = crate::text::fold(&before[from..], crate::text::Fold::Case);
        let cross_reference = ["quy định tại", "theo quy định", "tại điều", "tại khoản"]
            .iter()
            .any(|r| near.contains(r));
        // A state document cited in passing ("Nghị quyết số 27/2022/UBTVQH15")
        // is trivia to a room: only the text's own number (in its first
        // lines) is asked, and the Party's resolutions and conclusions
        // ("57-NQ/TW"), which cadres cite daily.
        let party = number.ends_with("/TW");
        let own = self
            .doc
            .blocks
            .iter()
            .take(3)
            .any(|b| b.text.contains(number));
        if !landmark || basis || cross_reference || !(party || own) {
            return;
        }
        let Some((text, _)) = self.blanked(point, number) else {
            return;
        };
        let explanation = format!("Văn bản nêu: {kind} số {number}.");
        let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
        let Ok(n) = digits.parse::<u32>() else {
            return;
        };
        let rest = &number[digits.len()..];
        let mut rng = self.rng(&point.id);
        // Far enough apart not to be a test of rote digits.
        let mut pool: Vec<u32> = [n + 7, n + 15, n + 30, n + 52]
            .into_iter()
            .chain([
                n.saturating_sub(6),
                n.saturating_sub(13),
                n.saturating_sub(27),
            ])
            .filter(|&m| m > 0 && m != n)
            .collect();
        pool.sort_unstable();
        pool.dedup();
        // Written as wide as the real one: "05-NQ/TW", not "5-NQ/TW".
        let written = |m: u32| format!("{m:0width$}{rest}", width = digits.len());
        pool.retain(|&m| !self.doc_mentions(&written(m)));
        let mut pool = super::phrasing::around_answer(pool, |&m| m < n, 3, &mut rng);
        pool.push(n);
        pool.sort_unstable();
        let answer = pool.iter().position(|&m| m == n).unwrap_or(0);
        let mut choices: Vec<String> = pool.into_iter().map(written).collect();
        if choices.len() == 4 {
            choices[answer] = number.to_string();
            out.push(self.question(
                point,
                "choice",
                format!("Chọn số hiệu văn bản đúng cho chỗ trống: «{text}»"),
                Answer::SingleChoice { choices, answer },
                explanation,
            ));
        }
        self.blank_in_clause(point, number, &[digits], "blank", out);
    }

    /// Whether the document names `number` anywhere (a distractor must not be
    /// another document the text cites).
    fn doc_mentions(&self, number: &str) -> bool {
        self.facts.references.contains(&number)
    }
}

/// The figure and its unit as the phrase writes them: "8%", "84,3 nghìn tỷ đồng".
fn written_with_unit(phrase: &str, figure: &str, unit: &str) -> String {
    let Some(at) = phrase.find(figure) else {
        return format!("{figure} {unit}");
    };
    let rest = &phrase[at..];
    match rest[figure.len()..].find(unit) {
        Some(u) if !unit.is_empty() => rest[..figure.len() + u + unit.len()].to_string(),
        _ => figure.to_string(),
    }
}

/// Three near figures written like `figure` ("7 - 7,5" → "6 - 6,5"), none
/// standing in the sentence; a range moves as a whole.
fn figure_distractors(
    figure: &str,
    sentence: &str,
    unit: &str,
    bound: Option<super::phrasing::Bound>,
    rng: &mut rand::rngs::StdRng,
) -> Vec<String> {
    let percent = unit == "%";
    let (first, second, separator) = match figure.split_once(['-', '–']) {
        Some((a, b)) => {
            let sep = &figure[a.trim_end().len()..figure.len() - b.trim_start().len()];
            (a.trim(), Some(b.trim()), sep.to_string())
        }
        None => (figure.trim(), None, String::new()),
    };
    let Some(a) = parse_number(first) else {
        return Vec::new();
    };
    let b = second.and_then(parse_number);
    let padded =
        if first.len() > 1 && first.starts_with('0') && first.chars().all(|c| c.is_ascii_digit()) {
            first.len()
        } else {
            0
        };
    let decimals = |s: &str| s.split_once(',').map_or(0, |(_, f)| f.len() as i32);
    let places = decimals(first).max(second.map_or(0, decimals));
    let scale = 10f64.powi(places);
    let tidy = |d: f64| (d * scale).round() / scale;
    let natural = b
        .is_none()
        .then(|| super::phrasing::natural_alternatives(a, unit))
        .flatten();
    let deltas: Vec<f64> = if let Some(natural) = natural {
        natural.iter().map(|d| d - a).collect()
    } else if a < 10.0 {
        let step = if places > 0 { 0.5 } else { 1.0 };
        vec![-2.0 * step, -step, step, 2.0 * step, 3.0 * step]
    } else if a < 100.0 {
        vec![-10.0, -5.0, -2.0, 2.0, 5.0, 10.0]
    } else {
        let magnitude = 10f64.powi(a.log10().floor() as i32 - 1);
        [-0.2, -0.1, 0.1, 0.2, 0.5]
            .iter()
            .map(|f| ((a * f) / magnitude).round() * magnitude)
            .collect()
    };
    let folded = super::phrasing::Folded::new(sentence);
    // A figure the sentence gives, however it is written ("03" for 3).
    let stated: Vec<f64> = sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ';' | ':'))
        .filter_map(|w| parse_number(w.trim_end_matches(['%', ',', '.'])))
        .collect();
    let in_sentence =
        |s: &str| folded.contains_words(s) || parse_number(s).is_some_and(|x| stated.contains(&x));
    let mut out: Vec<String> = Vec::new();
    let allowed = |d: f64| bound.is_none_or(|b| b.leaves_false(d, a));
    for d in deltas.into_iter().filter(|d| allowed(*d)) {
        let x = tidy(a + d);
        let y = b.map(|b| tidy(b + d));
        // Not 100% beside a share ("giảm 100%" is absurd, "all" a guess),
        // nor over it; beside "120%" of a plan, any.
        let past_all = percent && a < 100.0 && y.unwrap_or(x) >= 100.0;
        if x <= 0.0 || y.is_some_and(|y| y <= x) || past_all {
            continue;
        }
        let text = match y {
            Some(y) => format!("{}{separator}{}", format_number(x), format_number(y)),
            // Written as wide as the real one: "03 năm" beside "05 năm".
            None if padded > 0 && x.fract() == 0.0 => format!("{:0padded$}", x as u64),
            None => format_number(x),
        };
        if text != figure && !in_sentence(&text) && !out.contains(&text) {
            out.push(text);
        }
    }
    let mut out = super::phrasing::around_answer(out, |s| first_value(s) < a, 3, rng);
    out.sort_by(|p, q| first_value(p).total_cmp(&first_value(q)));
    out
}

/// A figure's value, or its range's first value ("7 - 7,5" → 7).
fn first_value(figure: &str) -> f64 {
    parse_number(figure.split(['-', '–']).next().unwrap_or("").trim()).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn a_range_moves_as_a_whole_and_keeps_its_decimals() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let d = figure_distractors("7 - 7,5", "đạt 7 - 7,5%", "%", None, &mut rng);
        assert_eq!(d.len(), 3);
        for f in &d {
            let (a, b) = f.split_once(" - ").unwrap();
            let (a, b) = (parse_number(a).unwrap(), parse_number(b).unwrap());
            assert!((b - a - 0.5).abs() < 1e-9, "{f}");
        }
    }

    #[test]
    fn the_answer_takes_every_place_among_the_choices() {
        // Before, 36 of the corpus's 78 number questions had their answer
        // second-lowest: a learner picking a middle value did well.
        let mut places = [0; 4];
        for seed in 0..200 {
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let d = figure_distractors("40", "giảm 40%", "%", None, &mut rng);
            assert_eq!(d.len(), 3);
            assert!(
                d.windows(2)
                    .all(|w| first_value(&w[0]) < first_value(&w[1])),
                "{d:?}"
            );
            places[d.iter().filter(|x| first_value(x) < 40.0).count()] += 1;
        }
        assert!(places.iter().all(|&p| p >= 30), "{places:?}");
        // Where only higher figures can be wrong, the answer is lowest.
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let d = figure_distractors("1", "đạt 1 lần", "lần", None, &mut rng);
        assert!(d.iter().all(|x| first_value(x) > 1.0), "{d:?}");
    }

    #[test]
    fn no_distractor_stands_in_the_sentence() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(2);
        let d = figure_distractors("8", "GDP tăng 8%, CPI 6%, 7% và 9%", "%", None, &mut rng);
        assert!(!d.iter().any(|f| f == "6" || f == "7" || f == "9"), "{d:?}");
    }

    #[test]
    fn a_bound_leaves_every_distractor_false() {
        use super::super::phrasing::{Bound, bound_of, bounded_distractors};
        let value = |f: &String| parse_number(f).unwrap();
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        // "trên 25": 20 would be as true.
        let d = figure_distractors(
            "25",
            "trên 25 nghị định",
            "nghị định",
            Some(Bound::Floor),
            &mut rng,
        );
        assert_eq!(d.len(), 3);
        assert!(d.iter().all(|f| value(f) > 25.0), "{d:?}");
        // "không quá 30 ngày": 40 would be as true.
        let d = figure_distractors(
            "30",
            "không quá 30 ngày",
            "ngày",
            Some(Bound::Ceiling),
            &mut rng,
        );
        assert!(d.iter().all(|f| value(f) < 30.0), "{d:?}");
        // "khoảng 60%": 62% is about the same.
        let d = figure_distractors("60", "khoảng 60%", "%", Some(Bound::Rounding), &mut rng);
        assert!(d.iter().all(|f| (value(f) - 60.0).abs() >= 6.0), "{d:?}");
        // Counts alike.
        assert_eq!(bound_of("trên"), Some(Bound::Floor));
        assert_eq!(bound_of("không quá"), Some(Bound::Ceiling));
        assert_eq!(bound_of("khoảng"), Some(Bound::Rounding));
        assert_eq!(bound_of(""), None);
        let d = bounded_distractors(25.0, Some(Bound::Floor), &[20.0, 24.0, 26.0]);
        assert_eq!(d, [26.0, 38.0, 50.0]);
        let d = bounded_distractors(3.0, Some(Bound::Ceiling), &[1.0, 4.0, 5.0]);
        assert!(d.iter().all(|x| *x < 3.0 && *x > 0.0), "{d:?}");
    }

    #[test]
    fn the_unit_is_kept_as_written() {
        assert_eq!(
            written_with_unit("khoảng 84,3 nghìn tỷ đồng", "84,3", "nghìn tỷ đồng"),
            "84,3 nghìn tỷ đồng"
        );
        assert_eq!(written_with_unit("8%", "8", "%"), "8%");
    }

    #[test]
    fn a_round_figure_is_among_round_ones() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(5);
        let value = |f: &String| parse_number(f).unwrap();
        // A deadline among the deadlines a rule gives.
        let d = figure_distractors("30", "trong thời hạn 30 ngày", "ngày", None, &mut rng);
        assert_eq!(d.len(), 3);
        for f in &d {
            assert!(
                [15.0, 20.0, 25.0, 45.0, 60.0, 90.0].contains(&value(f)),
                "{d:?}"
            );
        }
        let d = figure_distractors("12", "ít nhất 12 tháng", "tháng", None, &mut rng);
        assert!(
            d.iter()
                .all(|f| [3.0, 6.0, 9.0, 18.0, 24.0, 36.0].contains(&value(f))),
            "{d:?}"
        );
        // Hundreds among hundreds, tens of per cent among tens.
        let d = figure_distractors("400", "từ 400 đảng viên", "đảng viên", None, &mut rng);
        assert!(d.iter().all(|f| value(f) % 100.0 == 0.0), "{d:?}");
        let d = figure_distractors("30", "chiếm 30%", "%", None, &mut rng);
        assert!(d.iter().all(|f| value(f) % 10.0 == 0.0), "{d:?}");
        // An exact figure keeps near ones.
        let d = figure_distractors("28", "28 ngày", "ngày", None, &mut rng);
        assert_eq!(d.len(), 3);
        // A large round figure moves by a step of its size, and a figure
        // written "05" has its choices written as wide.
        let d = figure_distractors("100.000", "100.000 căn", "căn", None, &mut rng);
        assert!(d.iter().all(|f| value(f) % 20_000.0 == 0.0), "{d:?}");
        let d = figure_distractors("05", "thời hạn 05 năm", "năm", None, &mut rng);
        assert!(d.iter().all(|f| f.len() == 2), "{d:?}");
        // Never a figure the sentence gives, written another way, nor 100%.
        for seed in 0..20 {
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let d = figure_distractors("5", "gấp từ 03 lần đến 5 lần", "lần", None, &mut rng);
            assert!(d.iter().all(|f| value(f) != 3.0), "{d:?}");
        }
        let d = figure_distractors("80", "giảm 80%", "%", None, &mut rng);
        assert!(d.iter().all(|f| value(f) < 100.0), "{d:?}");
        let d = figure_distractors("05", "thời hạn 05 năm", "năm", None, &mut rng);
        assert!(d.iter().all(|f| f.len() == 2), "{d:?}");
    }
}
