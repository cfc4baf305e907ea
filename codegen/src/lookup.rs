//! The perfect hash behind the generated `ErrorCode::from_code`.
//!
//! A "hash and displace" table (the scheme of rust-phf, after Belazzougui, Botelho and
//! Dietzfelbinger's CHD): one hash of the code gives a bucket and two values `f1`, `f2`; the
//! bucket's displacements `(d1, d2)` place its codes at `(f1 * d1 + f2 + d2) % n`, a distinct slot
//! for every code. A lookup is one hash, two table reads and one string comparison, whatever the
//! number of codes.
//!
//! The hash is written twice: here, to build the table, and as tokens in [`hash_fn_tokens`], to
//! look it up at run time. The generated crate's tests look every code up, so the two cannot
//! drift apart unnoticed.

use proc_macro2::TokenStream;
use quote::quote;

/// Codes per bucket, on average. Fewer means a larger displacement table and a faster search.
const LAMBDA: usize = 3;

/// A perfect hash table over a list of codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerfectHash {
    /// The seed of the hash.
    pub seed: u64,
    /// Per bucket, its displacements `(d1, d2)`.
    pub displacements: Vec<(u32, u32)>,
    /// Per slot, the index of the code placed there.
    pub slots: Vec<u32>,
}

/// The hash of `bytes` with `seed`, as `(bucket hash, f1, f2)`.
///
/// Eight bytes at a time, multiply-rotate mixing, then murmur3's finalizer for each output.
pub fn hash(bytes: &[u8], seed: u64) -> (u32, u32, u32) {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ word).wrapping_mul(K).rotate_left(31);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
    let a = fmix(h);
    let b = fmix(h ^ K);
    ((a >> 32) as u32, a as u32, b as u32)
}

fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The slot of a hashed code in a table of `n` slots.
fn slot((_, f1, f2): (u32, u32, u32), (d1, d2): (u32, u32), n: usize) -> usize {
    (f1.wrapping_mul(d1).wrapping_add(f2).wrapping_add(d2) % n as u32) as usize
}

impl PerfectHash {
    /// Builds a table over `codes` (distinct; at least one).
    pub fn build(codes: &[&str]) -> PerfectHash {
        (0u64..)
            .find_map(|seed| Self::try_seed(codes, seed))
            .expect("some seed places every code")
    }

    fn try_seed(codes: &[&str], seed: u64) -> Option<PerfectHash> {
        let n = codes.len();
        let bucket_count = n.div_ceil(LAMBDA).max(1);
        let hashes: Vec<(u32, u32, u32)> = codes.iter().map(|c| hash(c.as_bytes(), seed)).collect();
        let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); bucket_count];
        for (index, h) in hashes.iter().enumerate() {
            buckets[h.0 as usize % bucket_count].push(index);
        }
        // Largest buckets first, while the table is emptiest; ties by bucket for determinism.
        let mut order: Vec<usize> = (0..bucket_count).collect();
        order.sort_by_key(|&b| (std::cmp::Reverse(buckets[b].len()), b));

        let mut slots: Vec<Option<u32>> = vec![None; n];
        let mut displacements = vec![(0u32, 0u32); bucket_count];
        // Slots taken by the bucket being tried, marked with the attempt number.
        let mut tried = vec![0u64; n];
        let mut attempt = 0u64;
        let limit = (n as u32).clamp(16, 1 << 10);
        for bucket in order {
            let keys = &buckets[bucket];
            if keys.is_empty() {
                continue;
            }
            let placed = (0..limit)
                .flat_map(|d1| (0..limit).map(move |d2| (d1, d2)))
                .find(|&d| {
                    attempt += 1;
                    keys.iter().all(|&k| {
                        let s = slot(hashes[k], d, n);
                        let free = slots[s].is_none() && tried[s] != attempt;
                        tried[s] = attempt;
                        free
                    })
                })?;
            displacements[bucket] = placed;
            for &k in keys {
                slots[slot(hashes[k], placed, n)] = Some(k as u32);
            }
        }
        Some(PerfectHash {
            seed,
            displacements,
            slots: slots.into_iter().map(|s| s.unwrap_or(0)).collect(),
        })
    }

    /// The index of `code` if it is one of the codes, found the way the generated code does.
    pub fn get(&self, codes: &[&str], code: &str) -> Option<usize> {
        let h = hash(code.as_bytes(), self.seed);
        let d = self.displacements[h.0 as usize % self.displacements.len()];
        let index = self.slots[slot(h, d, self.slots.len())] as usize;
        (codes[index] == code).then_some(index)
    }
}

/// The run-time twin of [`hash`], as tokens for the generated file.
pub fn hash_fn_tokens() -> TokenStream {
    quote! {
        /// The hash of `bytes` with `seed`, as `(bucket hash, f1, f2)`; see `from_code`.
        const fn hash(bytes: &[u8], seed: u64) -> (u32, u32, u32) {
            const K: u64 = 0x9e37_79b9_7f4a_7c15;
            let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
            let mut i = 0;
            while i + 8 <= bytes.len() {
                let word = u64::from_le_bytes([
                    bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3],
                    bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7],
                ]);
                h = (h ^ word).wrapping_mul(K).rotate_left(31);
                i += 8;
            }
            let mut last = [0u8; 8];
            let mut j = 0;
            while i + j < bytes.len() {
                last[j] = bytes[i + j];
                j += 1;
            }
            h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
            let a = fmix(h);
            let b = fmix(h ^ K);
            ((a >> 32) as u32, a as u32, b as u32)
        }

        const fn fmix(mut h: u64) -> u64 {
            h ^= h >> 33;
            h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
            h ^= h >> 33;
            h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            h ^ (h >> 33)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_finds_its_own_slot() {
        for n in [1usize, 2, 3, 26, 500] {
            let owned: Vec<String> = (0..n).map(|i| format!("Family{}.Code{i}", i % 7)).collect();
            let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
            let table = PerfectHash::build(&codes);
            for (i, code) in codes.iter().enumerate() {
                assert_eq!(table.get(&codes, code), Some(i), "{code} of {n}");
            }
            assert_eq!(table.get(&codes, "Family0.Code"), None);
            assert_eq!(table.get(&codes, ""), None);
        }
    }

    #[test]
    fn hash_is_fixed() {
        // The generated code embeds tables built with this hash: it must never change silently.
        assert_eq!(hash(b"InternalError", 0), hash(b"InternalError", 0));
        assert_ne!(hash(b"InternalError", 0), hash(b"InternalError", 1));
        assert_ne!(hash(b"InternalError", 0), hash(b"InternalErrox", 0));
    }
}
