//! Splitting work over the machine's cores, keeping results in order — only
//! for inputs large enough to be worth a thread.

use std::ops::Range;

/// Below this much input (in the caller's units, about bytes) one core does it all.
const PARALLEL_FROM: usize = 256 * 1024;

/// Consecutive index ranges of `items` of about equal size, one per core
/// (a single range for small inputs).
pub fn split_by_size<T>(items: &[T], size: impl Fn(&T) -> usize) -> Vec<Range<usize>> {
    let total: usize = items.iter().map(&size).sum();
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if total < PARALLEL_FROM || cores < 2 || items.len() < 2 {
        return std::iter::once(0..items.len()).collect();
    }
    let per_part = total.div_ceil(cores);
    let mut parts = Vec::with_capacity(cores);
    let (mut start, mut filled) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        filled += size(item);
        if filled >= per_part && parts.len() + 1 < cores {
            parts.push(start..i + 1);
            start = i + 1;
            filled = 0;
        }
    }
    if start < items.len() {
        parts.push(start..items.len());
    }
    parts
}

/// `work` applied to every part, on its own thread when there are several;
/// results in the order of the parts.
pub fn map<R: Send>(parts: &[Range<usize>], work: impl Fn(&Range<usize>) -> R + Sync) -> Vec<R> {
    if parts.len() <= 1 {
        return parts.iter().map(&work).collect();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .iter()
            .map(|part| scope.spawn(|| work(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_inputs_stay_in_one_part() {
        assert_eq!(split_by_size(&[1, 2, 3], |_| 10), vec![0..3]);
        assert_eq!(split_by_size::<u8>(&[], |_| 10), vec![0..0]);
    }

    #[test]
    fn large_inputs_are_split_into_consecutive_parts_covering_everything() {
        let items = vec![1000usize; 2000];
        let parts = split_by_size(&items, |n| *n);
        let cores = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        assert_eq!(parts.len(), cores.max(1));
        assert_eq!(parts.first().unwrap().start, 0);
        assert_eq!(parts.last().unwrap().end, items.len());
        for pair in parts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        let sums: Vec<usize> = map(&parts, |r| items[r.clone()].iter().sum());
        assert_eq!(sums.iter().sum::<usize>(), 2_000_000);
    }
}
