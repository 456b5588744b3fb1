//! A web page saved from a news site or a Party portal: the article only.
//!
//! Parsed with `scraper` (html5ever, the browser-grade parser, which never
//! gives up on bad markup); the article is found the way readability tools
//! find it: paragraphs score by their length and commas, pass their score to
//! their parent and grandparent, links weigh a container down, and class or
//! id names such as "sidebar", "menu", "comment", "related", "tin-lien-quan"
//! rule a part out. The best container and the siblings that share its
//! content are read in order; title, date and byline come from the page's
//! metadata or from the elements that carry them.
//!
//! Every walk over the tree is an iteration (no recursion), so a page nested
//! a hundred thousand deep costs time, not stack.
//!
//! Why this file is long: finding the article in a saved page is one
//! judgement made of many small rules (which blocks are menus, bylines,
//! comments or related links; which container holds the most prose), and
//! they are tuned together against saved pages of many sites; spread over
//! files they would hide each other's effect.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::{Budget, Converted, Notice, ReadError, clean_text};
use crate::document::BlockKind;

/// More tags than this is not an article page (a heavy news page has some
/// ten thousand); the limit keeps the parsed tree's memory bounded.
const MAX_TAGS: usize = 300_000;

/// Deeper than this is not a page anyone wrote: the parser's work grows
/// with the square of the depth, so such a page is refused before parsing.
const MAX_DEPTH: usize = 5_000;

/// The deepest nesting of tags, counted roughly in one pass (void elements
/// and `<x/>` do not open anything; unclosed `<p>`s count, which only
/// overestimates).
fn rough_depth(bytes: &[u8]) -> usize {
    const VOID: &[&[u8]] = &[
        b"br", b"img", b"meta", b"link", b"input", b"hr", b"area", b"base", b"col", b"embed",
        b"source", b"track", b"wbr", b"param", b"!", b"?",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + at + 1;
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| start + e);
        let tag = &bytes[start..end];
        if let Some(rest) = tag.strip_prefix(b"/") {
            if rest.first().is_some_and(u8::is_ascii_alphabetic) {
                depth = depth.saturating_sub(1);
            }
        } else if tag.first().is_some_and(u8::is_ascii_alphabetic) && !tag.ends_with(b"/") {
            let name_end = tag
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(tag.len());
            let name = tag[..name_end].to_ascii_lowercase();
            if !VOID.contains(&name.as_slice()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = end.min(bytes.len());
        if i >= bytes.len() {
            break;
        }
    }
    deepest
}

/// Elements that are never article text.
const NEVER: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "form", "iframe", "button",
    "select", "textarea", "input", "object", "embed", "canvas", "menu", "dialog", "head", "aside",
];

/// Class or id words of page furniture (readability's list, and the names
/// Vietnamese news sites use for related news, comments, tags, ads).
const UNLIKELY: &[&str] = &[
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "disqus",
    "footer",
    "header",
    "menu",
    "navbar",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "sharing",
    "shoutbox",
    "sidebar",
    "side-bar",
    "skyscraper",
    "social",
    "sponsor",
    "advert",
    "quangcao",
    "quang-cao",
    "popup",
    "pagination",
    "pager",
    "tags",
    "tag-list",
    "lienquan",
    "lien-quan",
    "tinkhac",
    "tin-khac",
    "binhluan",
    "binh-luan",
    "most-read",
    "docnhieu",
    "doc-nhieu",
    "widget",
    "cookie",
];
/// …unless they also say they are the article.
const MAYBE: &[&str] = &[
    "article", "body", "content", "main", "column", "detail", "post",
];
/// Class or id words of the article itself.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "text", "story", "detail", "noidung",
    "noi-dung", "chitiet", "chi-tiet", "baiviet", "bai-viet", "sapo", "fck",
];
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "footer",
    "footnote",
    "masthead",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "lienquan",
    "tinkhac",
];
const CAPTION: &[&str] = &[
    "caption",
    "image_desc",
    "img-desc",
    "imgdesc",
    "chu-thich",
    "chuthich",
];
const LEAD: &[&str] = &["sapo", "lead", "summary", "tom-tat", "tomtat", "chapeau"];
const DATE: &[&str] = &["date", "time", "publish", "ngay-dang", "ngaydang"];
const BYLINE: &[&str] = &["author", "byline", "tac-gia", "tacgia", "writer"];

/// Elements that start a block of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "pre"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "address"
            | "center"
            | "body"
    )
}

pub(super) fn read(bytes: &[u8], budget: &Budget) -> Result<Converted, ReadError> {
    if bytes.iter().filter(|&&b| b == b'<').count() > MAX_TAGS || rough_depth(bytes) > MAX_DEPTH {
        return Err(ReadError::TooComplex);
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let page = Html::parse_document(text);
    budget.check()?;
    Page::new(&page, budget)?.article(budget)
}

fn words_of(element: &ElementRef) -> String {
    let e = element.value();
    let mut s = String::new();
    if let Some(id) = e.id() {
        s.push_str(&id.to_lowercase());
    }
    for class in e.classes() {
        s.push(' ');
        s.push_str(&class.to_lowercase());
    }
    s
}

fn matches_any(words: &str, list: &[&str]) -> bool {
    list.iter().any(|w| words.contains(w))
}

/// The page as flat tables over its tree, computed in single passes.
struct Page<'a> {
    html: &'a Html,
    /// Elements (and their subtrees) that are not article text.
    excluded: HashSet<NodeId>,
    /// Text length and text length inside links, of each element's subtree
    /// (excluded parts not counted).
    lengths: HashMap<NodeId, (usize, usize)>,
}

impl<'a> Page<'a> {
    fn new(html: &'a Html, budget: &Budget) -> Result<Page<'a>, ReadError> {
        let mut excluded = HashSet::new();
        let mut order: Vec<NodeId> = Vec::new();
        let mut in_article = 0usize;
        for (i, edge) in html.tree.root().traverse().enumerate() {
            if i % 8192 == 0 {
                budget.check()?;
            }
            match edge {
                Edge::Open(node) => {
                    let parent_out = node.parent().is_some_and(|p| excluded.contains(&p.id()));
                    if let Some(element) = ElementRef::wrap(node) {
                        let name = element.value().name();
                        if name == "article" || name == "main" {
                            in_article += 1;
                        }
                        let words = words_of(&element);
                        let furniture = NEVER.contains(&name)
                            || (matches!(name, "header" | "footer") && in_article == 0)
                            || (matches_any(&words, UNLIKELY) && !matches_any(&words, MAYBE))
                            || element.value().attr("hidden").is_some()
                            || element
                                .value()
                                .attr("style")
                                .is_some_and(|s| s.replace(' ', "").contains("display:none"));
                        if parent_out || furniture {
                            excluded.insert(node.id());
                        }
                        order.push(node.id());
                    } else if parent_out {
                        excluded.insert(node.id());
                    }
                }
                Edge::Close(node) => {
                    if let Some(element) = ElementRef::wrap(node)
                        && matches!(element.value().name(), "article" | "main")
                    {
                        in_article -= 1;
                    }
                }
            }
        }
        // Lengths, children before parents: reverse document order.
        let mut lengths: HashMap<NodeId, (usize, usize)> = HashMap::new();
        for &id in order.iter().rev() {
            let node = html.tree.get(id).expect("node of this tree");
            if excluded.contains(&id) {
                continue;
            }
            let mut own = (0, 0);
            for child in node.children() {
                match child.value() {
                    Node::Text(t) => own.0 += t.trim().chars().count(),
                    Node::Element(_) => {
                        if let Some(&(t, l)) = lengths.get(&child.id()) {
                            own.0 += t;
                            own.1 += l;
                        }
                    }
                    _ => {}
                }
            }
            if ElementRef::wrap(node).is_some_and(|e| e.value().name() == "a") {
                own.1 = own.0;
            }
            lengths.insert(id, own);
        }
        Ok(Page {
            html,
            excluded,
            lengths,
        })
    }

    fn link_density(&self, id: NodeId) -> f64 {
        match self.lengths.get(&id) {
            Some(&(text, links)) if text > 0 => links as f64 / text as f64,
            _ => 0.0,
        }
    }

    /// The container with the best score (readability's method).
    fn best_container(&self) -> Option<NodeId> {
        let mut scores: HashMap<NodeId, f64> = HashMap::new();
        for node in self.html.tree.root().descendants() {
            let Some(element) = ElementRef::wrap(node) else {
                continue;
            };
            let name = element.value().name();
            let scoring = matches!(name, "p" | "td" | "pre" | "blockquote")
                || (name == "div" && has_own_text(node));
            if self.excluded.contains(&node.id()) || !scoring {
                continue;
            }
            let text: String = own_text(self, node);
            let length = text.chars().count();
            if length < 25 {
                continue;
            }
            let commas = text.matches([',', '，', ';']).count() as f64;
            let score = 1.0 + commas + (length as f64 / 100.0).min(3.0);
            let mut ancestor = node.parent();
            for share in [1.0, 0.5, 1.0 / 6.0] {
                let Some(a) = ancestor else { break };
                if ElementRef::wrap(a).is_none() {
                    break;
                }
                let entry = scores
                    .entry(a.id())
                    .or_insert_with(|| self.initial_score(a.id()));
                *entry += score * share;
                ancestor = a.parent();
            }
        }
        scores
            .into_iter()
            .map(|(id, s)| (id, s * (1.0 - self.link_density(id))))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(id, _)| id)
    }

    fn initial_score(&self, id: NodeId) -> f64 {
        let Some(element) = self.html.tree.get(id).and_then(ElementRef::wrap) else {
            return 0.0;
        };
        let mut score = match element.value().name() {
            "div" | "article" | "main" | "section" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "ol" | "ul" | "dl" | "li" | "form" | "address" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let words = words_of(&element);
        if matches_any(&words, POSITIVE) {
            score += 25.0;
        }
        if matches_any(&words, NEGATIVE) {
            score -= 25.0;
        }
        score
    }

    /// The page's article: its container plus the siblings that belong with
    /// it (a lead paragraph, a photo), then title, date and byline.
    fn article(&self, budget: &Budget) -> Result<Converted, ReadError> {
        let body = self
            .html
            .tree
            .root()
            .descendants()
            .find(|n| ElementRef::wrap(*n).is_some_and(|e| e.value().name() == "body"))
            .map(|n| n.id());
        let Some(best) = self.best_container().or(body) else {
            return Ok(Converted::default());
        };
        let best_node = self.html.tree.get(best).expect("node of this tree");
        let best_length = self.lengths.get(&best).map_or(0, |l| l.0);
        // Siblings that share the article's content.
        let mut roots = Vec::new();
        if let Some(parent) = best_node
            .parent()
            .filter(|p| ElementRef::wrap(*p).is_some())
        {
            for sibling in parent.children() {
                if sibling.id() == best {
                    roots.push(best);
                    continue;
                }
                let Some(element) = ElementRef::wrap(sibling) else {
                    continue;
                };
                if self.excluded.contains(&sibling.id()) {
                    continue;
                }
                let words = words_of(&element);
                let length = self.lengths.get(&sibling.id()).map_or(0, |l| l.0);
                let dense = self.link_density(sibling.id()) < 0.25;
                let lead = matches_any(&words, LEAD);
                let long = dense && length >= 80 && length * 10 >= best_length.min(2000);
                let picture = element.value().name() == "figure" || matches_any(&words, CAPTION);
                if (lead || long || picture) && !matches!(element.value().name(), "h1") {
                    roots.push(sibling.id());
                }
            }
        } else {
            roots.push(best);
        }

        let mut out = Converted::default();
        let (title, title_node) = self.title(best);
        out.meta.title = title;
        let (date, date_node) = self.labelled(best, DATE, true);
        let (byline, byline_node) = self.labelled(best, BYLINE, false);
        out.meta.date = self
            .meta_content(&["article:published_time", "pubdate", "date"])
            .map(|d| tidy_date(&d))
            .or(date);
        out.meta.byline = self
            .meta_content(&["author", "article:author"])
            .filter(|a| !a.starts_with("http"))
            .or(byline);
        let skip: HashSet<NodeId> = [title_node, date_node, byline_node]
            .into_iter()
            .flatten()
            .collect();

        let mut images = 0;
        for root in roots {
            budget.check()?;
            let title = out.meta.title.clone();
            self.emit(root, &skip, &title, &mut out, &mut images)?;
        }
        let total = body.and_then(|b| self.lengths.get(&b)).map_or(0, |l| l.0);
        let kept: usize = out.blocks.iter().map(|(_, t)| t.chars().count()).sum();
        if total > kept + 200 || !self.excluded.is_empty() && total > kept + 40 {
            out.notices.push(Notice::PageChromeLeftOut);
        }
        if images > 0 {
            out.notices.push(Notice::ImagesLeftOut(images));
        }
        Ok(out)
    }

    /// Writes the blocks of one subtree, in order.
    fn emit(
        &self,
        root: NodeId,
        skip: &HashSet<NodeId>,
        title: &str,
        out: &mut Converted,
        images: &mut usize,
    ) -> Result<(), ReadError> {
        let root = self.html.tree.get(root).expect("node of this tree");
        // Context: the kind of block each open block element gives.
        let mut kinds: Vec<BlockKind> = vec![BlockKind::Paragraph];
        let mut buffer = String::new();
        let mut link_chars = 0usize;
        let mut links_open = 0usize;
        let mut skipping: Option<NodeId> = None;
        let flush = |buffer: &mut String,
                     link_chars: &mut usize,
                     kind: BlockKind,
                     out: &mut Converted|
         -> Result<(), ReadError> {
            let text = clean_text(buffer);
            let length = text.chars().count();
            let mostly_links = length > 0 && *link_chars * 10 > length * 6;
            buffer.clear();
            *link_chars = 0;
            let is_title = matches!(kind, BlockKind::Heading(_)) && text == title;
            if text.is_empty() || is_title || (mostly_links && kind != BlockKind::Caption) {
                return Ok(());
            }
            out.push(kind, &text)
        };
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    if self.excluded.contains(&node.id()) || skip.contains(&node.id()) {
                        skipping = Some(node.id());
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => {
                            buffer.push_str(t);
                            if links_open > 0 {
                                link_chars += t.trim().chars().count();
                            }
                        }
                        Node::Element(e) => {
                            let name = e.name();
                            if name == "a" {
                                links_open += 1;
                            } else if name == "img" {
                                *images += 1;
                            } else if name == "br" {
                                let kind = *kinds.last().unwrap_or(&BlockKind::Paragraph);
                                flush(&mut buffer, &mut link_chars, kind, out)?;
                            } else if matches!(name, "td" | "th") && !buffer.trim().is_empty() {
                                buffer.push_str(" | ");
                            } else if is_block(name) {
                                let kind = *kinds.last().unwrap_or(&BlockKind::Paragraph);
                                flush(&mut buffer, &mut link_chars, kind, out)?;
                                let words = words_of(&ElementRef::wrap(node).expect("element"));
                                let new = match name {
                                    // A lead set in a heading tag is a paragraph.
                                    _ if matches_any(&words, LEAD) => BlockKind::Paragraph,
                                    "h1" | "h2" => BlockKind::Heading(2),
                                    "h3" => BlockKind::Heading(3),
                                    "h4" => BlockKind::Heading(4),
                                    "h5" | "h6" => BlockKind::Heading(5),
                                    "li" | "dt" | "dd" => BlockKind::ListItem,
                                    "figcaption" => BlockKind::Caption,
                                    _ if matches_any(&words, CAPTION) => BlockKind::Caption,
                                    _ => match kinds.last() {
                                        // A <p> inside a caption stays a caption.
                                        Some(BlockKind::Caption) => BlockKind::Caption,
                                        _ => BlockKind::Paragraph,
                                    },
                                };
                                kinds.push(new);
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    if let Node::Element(e) = node.value() {
                        let name = e.name();
                        if name == "a" {
                            links_open = links_open.saturating_sub(1);
                        } else if is_block(name) && !matches!(name, "td" | "th") {
                            let kind = kinds.pop().unwrap_or(BlockKind::Paragraph);
                            flush(&mut buffer, &mut link_chars, kind, out)?;
                        }
                    }
                }
            }
        }
        let kind = *kinds.last().unwrap_or(&BlockKind::Paragraph);
        flush(&mut buffer, &mut link_chars, kind, out)
    }

    /// The article's title: the `<h1>` nearest the article, else the page's
    /// `og:title`, else `<title>` without the site's name.
    fn title(&self, best: NodeId) -> (String, Option<NodeId>) {
        let h1s: Vec<NodeId> = self
            .html
            .tree
            .root()
            .descendants()
            .filter(|n| {
                ElementRef::wrap(*n).is_some_and(|e| e.value().name() == "h1")
                    && !self.excluded.contains(&n.id())
            })
            .map(|n| n.id())
            .take(50)
            .collect();
        // The h1 that shares the most ancestors with the article.
        let ancestors: HashSet<NodeId> = self
            .html
            .tree
            .get(best)
            .map(|n| n.ancestors().map(|a| a.id()).collect())
            .unwrap_or_default();
        let depth_shared = |id: NodeId| {
            self.html.tree.get(id).map_or(0, |n| {
                n.ancestors()
                    .filter(|a| ancestors.contains(&a.id()))
                    .count()
            })
        };
        if let Some(&h1) = h1s
            .iter()
            .max_by_key(|&&id| (depth_shared(id), std::cmp::Reverse(id)))
        {
            let text = self.text_of(h1);
            if !text.is_empty() {
                return (text, Some(h1));
            }
        }
        // No <h1>: an element whose class says "title", near the article.
        if let Some(scope) = self.html.tree.get(best).map(|n| n.parent().unwrap_or(n)) {
            let titled = scope.descendants().filter(|n| {
                !self.excluded.contains(&n.id())
                    && ElementRef::wrap(*n).is_some_and(|e| words_of(&e).contains("title"))
            });
            for node in titled.take(20) {
                let text = self.text_of(node.id());
                if !text.is_empty() && text.chars().count() <= 300 {
                    return (text, Some(node.id()));
                }
            }
        }
        if let Some(og) = self.meta_content(&["og:title", "twitter:title"]) {
            return (og, None);
        }
        let title = self
            .html
            .tree
            .root()
            .descendants()
            .find(|n| ElementRef::wrap(*n).is_some_and(|e| e.value().name() == "title"))
            .map(|n| self.text_of_any(n.id()))
            .unwrap_or_default();
        // "Headline - Site name": keep the longest part.
        let mut marked = title.clone();
        for separator in [" | ", " - ", " – ", " — "] {
            marked = marked.replace(separator, "\u{1}");
        }
        let best_part = marked
            .split('\u{1}')
            .max_by_key(|p| p.chars().count())
            .unwrap_or("")
            .trim()
            .to_string();
        (best_part, None)
    }

    /// A short element whose class says it is the date (or byline), nearest
    /// the article: its text and its node (to leave it out of the body).
    fn labelled(
        &self,
        best: NodeId,
        words: &[&str],
        digits: bool,
    ) -> (Option<String>, Option<NodeId>) {
        let best_node = self.html.tree.get(best).expect("node of this tree");
        // Look inside the article's parent first, then in the whole page.
        let scopes = [
            best_node.parent().unwrap_or(best_node),
            self.html.tree.root(),
        ];
        for scope in scopes {
            let candidates = scope.descendants().filter(|node| {
                ElementRef::wrap(*node).is_some_and(|element| {
                    (digits && element.value().name() == "time")
                        || matches_any(&words_of(&element), words)
                })
            });
            // A few candidates are enough; a hostile page may have millions.
            for node in candidates.take(100) {
                let text = self.text_of_any(node.id());
                let text = text
                    .trim_start_matches("Tác giả:")
                    .trim_start_matches("Theo")
                    .trim_start_matches("Cập nhật:")
                    .trim_start_matches("Ngày đăng:")
                    .trim()
                    .to_string();
                let fits = !text.is_empty()
                    && text.chars().count() <= 80
                    && (!digits || text.chars().any(|c| c.is_ascii_digit()));
                if fits {
                    return (Some(text), Some(node.id()));
                }
            }
        }
        (None, None)
    }

    fn meta_content(&self, names: &[&str]) -> Option<String> {
        for node in self.html.tree.root().descendants() {
            let Some(element) = ElementRef::wrap(node) else {
                continue;
            };
            let e = element.value();
            if e.name() != "meta" {
                continue;
            }
            let key = e.attr("property").or(e.attr("name")).or(e.attr("itemprop"));
            if key.is_some_and(|k| names.iter().any(|n| k.eq_ignore_ascii_case(n)))
                && let Some(content) = e.attr("content")
            {
                let content = clean_text(content);
                if !content.is_empty() {
                    return Some(content);
                }
            }
        }
        None
    }

    /// The article text of a subtree (excluded parts left out).
    fn text_of(&self, id: NodeId) -> String {
        let Some(node) = self.html.tree.get(id) else {
            return String::new();
        };
        let mut s = String::new();
        for n in node.descendants() {
            // Exclusion is inherited: every node under an excluded one is
            // in the set itself.
            if let Node::Text(t) = n.value()
                && !self.excluded.contains(&n.id())
            {
                s.push_str(t);
                s.push(' ');
            }
        }
        clean_text(&s)
    }

    /// All text of a subtree, excluded or not (for metadata).
    fn text_of_any(&self, id: NodeId) -> String {
        let Some(node) = self.html.tree.get(id) else {
            return String::new();
        };
        let s: String = node
            .descendants()
            .filter_map(|n| match n.value() {
                Node::Text(t) => Some(format!("{} ", &**t)),
                _ => None,
            })
            .collect();
        clean_text(&s)
    }
}

fn has_own_text(node: ego_tree::NodeRef<Node>) -> bool {
    node.children()
        .any(|c| matches!(c.value(), Node::Text(t) if t.trim().chars().count() >= 25))
}

/// The text of a scoring element: its own text and that of its inline
/// children (not of nested blocks, which score on their own).
fn own_text(page: &Page, node: ego_tree::NodeRef<Node>) -> String {
    let mut s = String::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        for child in n.children().rev() {
            if page.excluded.contains(&child.id()) {
                continue;
            }
            match child.value() {
                Node::Text(t) => s.push_str(t),
                Node::Element(e) if !is_block(e.name()) || child == node => stack.push(child),
                _ => {}
            }
        }
    }
    s
}

/// "2024-05-12T08:30:00+07:00" → "12/05/2024"; other forms as they are.
fn tidy_date(date: &str) -> String {
    let d = date.get(..10).unwrap_or(date);
    let parts: Vec<&str> = d.split('-').collect();
    match parts.as_slice() {
        [y, m, day] if y.len() == 4 && m.len() == 2 && day.len() == 2 => format!("{day}/{m}/{y}"),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_without_parsing() {
        assert_eq!(
            rough_depth(b"<html><body><p>a<br>b</p><img src=x/></body></html>"),
            3
        );
        assert_eq!(rough_depth(&b"<div>".repeat(6000)), 6000);
        assert_eq!(rough_depth(b"a < b and <"), 0);
    }

    #[test]
    fn iso_dates_read_the_vietnamese_way() {
        assert_eq!(tidy_date("2024-05-12T08:30:00+07:00"), "12/05/2024");
        assert_eq!(tidy_date("12/05/2024"), "12/05/2024");
    }
}
