//! One article as it is built: paragraphs of pieces (base sentences and planted passages),
//! rendered to the exact `text` that is written, with the byte span of every piece.

use super::model::Model;
use crate::rng::Rng;

/// Where a piece of text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A sentence of the article's own base text.
    Base,
    /// Planted passage number `n` of this article.
    Planted(usize),
}

/// A sentence or a planted passage.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Its text.
    pub text: String,
    /// Where it came from.
    pub origin: Origin,
}

/// An article before rendering: paragraphs of pieces, joined by a space within a paragraph
/// and by a blank line between paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The headline (not part of `text`).
    pub title: String,
    /// The paragraphs.
    pub paragraphs: Vec<Vec<Piece>>,
}

/// A base sentence of a rendered article.
#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Whether a planted passage already copies it.
    pub taken: bool,
}

/// A rendered article: its text, its base sentences and the spans of its planted passages.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The `text` field, exactly as written.
    pub text: String,
    /// Base sentences in order.
    pub sentences: Vec<Sentence>,
    /// `(n, start, end)` for planted passage `n`.
    pub planted: Vec<(usize, usize, usize)>,
}

impl Draft {
    /// Renders the text and records where every piece landed.
    pub fn render(&self) -> Rendered {
        let mut r = Rendered::default();
        for (p, para) in self.paragraphs.iter().filter(|p| !p.is_empty()).enumerate() {
            if p > 0 {
                r.text.push_str("\n\n");
            }
            for (k, piece) in para.iter().enumerate() {
                if k > 0 {
                    r.text.push(' ');
                }
                let start = r.text.len();
                r.text.push_str(&piece.text);
                let end = r.text.len();
                match piece.origin {
                    Origin::Base => r.sentences.push(Sentence {
                        start,
                        end,
                        words: piece.text.split_whitespace().count(),
                        taken: false,
                    }),
                    Origin::Planted(n) => r.planted.push((n, start, end)),
                }
            }
        }
        r
    }

    /// Inserts a planted passage, as a paragraph of its own or (with probability
    /// `inline`) after a sentence inside a paragraph.
    pub fn insert(&mut self, piece: Piece, inline: f64, rng: &mut Rng) {
        if self.paragraphs.is_empty() || !rng.chance(inline) {
            let at = rng.below(self.paragraphs.len() + 1);
            self.paragraphs.insert(at, vec![piece]);
        } else {
            let p = rng.below(self.paragraphs.len());
            let para = &mut self.paragraphs[p];
            let at = rng.below(para.len() + 1);
            para.insert(at, piece);
        }
    }
}

/// A sentence length: mostly 12–32 words, sometimes short or long (news sentences average
/// a little over 20 words).
fn sentence_length(rng: &mut Rng) -> usize {
    let a = rng.range(4, 24);
    let b = rng.range(4, 24);
    (a + b).clamp(8, 45)
}

/// The base text of an article: 150–800 words (mean about 400) in paragraphs of one to four
/// sentences, from the stream `rng`.
pub fn base(model: &Model, rng: &mut Rng) -> Draft {
    let u = rng.unit();
    let budget = 150 + (650.0 * u * u.sqrt()) as usize;
    let mut draft = Draft {
        title: title(model, rng),
        paragraphs: Vec::new(),
    };
    let mut words = 0;
    while words < budget {
        let sentences = [1, 2, 2, 3, 3, 4][rng.below(6)];
        let mut para = Vec::with_capacity(sentences);
        for _ in 0..sentences {
            let mut text = String::new();
            let want = sentence_length(rng).min(budget.saturating_sub(words).max(8));
            words += model.sentence(want, rng, &mut text);
            para.push(Piece {
                text,
                origin: Origin::Base,
            });
            if words >= budget {
                break;
            }
        }
        draft.paragraphs.push(para);
    }
    draft
}

/// A headline of five to nine words, without the full stop.
pub fn title(model: &Model, rng: &mut Rng) -> String {
    let mut t = String::new();
    model.sentence(rng.range(5, 9), rng, &mut t);
    t.pop();
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_records_exact_spans() {
        let model = Model::builtin();
        let mut rng = Rng::new(9, 9);
        let mut d = base(&model, &mut rng);
        let words: usize = d.render().sentences.iter().map(|s| s.words).sum();
        assert!((150..=860).contains(&words), "{words}");
        d.insert(
            Piece {
                text: "Planted words here.".into(),
                origin: Origin::Planted(0),
            },
            0.5,
            &mut rng,
        );
        let r = d.render();
        let (_, s, e) = r.planted[0];
        assert_eq!(&r.text[s..e], "Planted words here.");
        for s in &r.sentences {
            assert!(r.text[s.start..s.end].ends_with('.'));
        }
        assert!(!r.text.contains("\n\n\n") && !r.text.starts_with('\n'));
    }
}
