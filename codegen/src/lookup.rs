//! The perfect hash behind the generated `ErrorCode::from_code`.
//!
//! A "hash and displace" table (the scheme of rust-phf, after Belazzougui, Botelho and
//! Dietzfelbinger's CHD): one hash of the code gives a bucket and two values `f1`, `f2`; the
//! bucket's displacements `(d1, d2)` place its codes at `(f1 * d1 + f2 + d2) % n`, a distinct slot
//! for every code. A lookup is one hash, two table reads and one string comparison, whatever the
//! number of codes.
//!
//! The hash, the reduction and the comparison exist once, in the `shared_with_generated_code!` macro:
//! the macro compiles them here, to build the table, and keeps their source text, which
//! [`shared_tokens`] writes into the generated file, so the two cannot drift apart.

use proc_macro2::TokenStream;

/// Codes per bucket, on average. Fewer means a larger displacement table and a faster search.
const LAMBDA: usize = 3;

/// A perfect hash table over a list of codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerfectHash {
    /// The seed of the hash.
    pub seed: u64,
    /// Per bucket, its displacements `(d1, d2)`.
    pub displacements: Vec<(u32, u32)>,
    /// Per slot, the fingerprint (`f1`) and the index of the code placed there. The
    /// fingerprint turns most misses away without comparing strings.
    pub slots: Vec<(u32, u32)>,
}

/// Compiles `items` here and keeps their source text in `SHARED_SOURCE`, for the generated file.
macro_rules! shared_with_generated_code {
    ($($item:item)*) => {
        // Some are used here only by tests; all of them by the generated code.
        $(#[allow(dead_code)] $item)*

        /// The source of the functions the generated lookup shares with this module.
        const SHARED_SOURCE: &str = stringify!($($item)*);
    };
}

shared_with_generated_code! {
    /// The hash of `bytes` with `seed`, as `(bucket hash, f1, f2)`.
    ///
    /// Eight bytes at a time with multiply-rotate mixing (the last, partial word read as the
    /// last eight bytes, overlapping), a short finalizer, and one more multiply for `f2`: a code
    /// of 20 to 40 bytes hashes in a handful of multiplications.
    #[inline]
    pub(crate) fn hash(bytes: &[u8], seed: u64) -> (u32, u32, u32) {
        const K1: u64 = 0x9e37_79b9_7f4a_7c15;
        const K2: u64 = 0xff51_afd7_ed55_8ccd;
        const K3: u64 = 0xc4ce_b9fe_1a85_ec53;
        let len = bytes.len();
        let mut h = seed ^ (len as u64).wrapping_mul(K1);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            h = (h ^ word(chunk)).wrapping_mul(K1).rotate_left(31);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let last = if len >= 8 {
                word(&bytes[len - 8..])
            } else {
                rest.iter().enumerate().fold(0, |w, (i, &b)| w | u64::from(b) << (8 * i))
            };
            h = (h ^ last).wrapping_mul(K1).rotate_left(31);
        }
        h ^= h >> 32;
        h = h.wrapping_mul(K2);
        h ^= h >> 29;
        let f2 = (h.wrapping_mul(K3) >> 32) as u32;
        ((h >> 32) as u32, h as u32, f2)
    }

    /// The little-endian word of eight bytes.
    #[inline(always)]
    pub(crate) fn word(bytes: &[u8]) -> u64 {
        u64::from_le_bytes(<[u8; 8]>::try_from(bytes).unwrap_or_default())
    }

    /// Whether two byte strings are equal, compared eight bytes at a time (codes are 10 to 60
    /// bytes long: a word loop beats a call to `memcmp`).
    #[inline]
    pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
        let len = a.len();
        if len != b.len() {
            return false;
        }
        if len < 8 {
            return a == b;
        }
        let mut i = 0;
        while i + 8 <= len {
            if word(&a[i..i + 8]) != word(&b[i..i + 8]) {
                return false;
            }
            i += 8;
        }
        word(&a[len - 8..]) == word(&b[len - 8..])
    }

    /// `x` mapped onto `0..n`. In the generated code `n` is a constant, so the division
    /// compiles to a multiply and a shift.
    #[inline(always)]
    pub(crate) fn reduce(x: u32, n: usize) -> usize {
        x as usize % n
    }

    /// The index of `code` among `codes`, through the perfect hash with `seed`, `displacements`
    /// and `slots`: one hash, two table reads, one comparison. The table sizes are constants of
    /// each generated table, so the reductions compile to multiplications.
    #[inline]
    pub(crate) fn find<const N: usize, const B: usize>(
        code: &str,
        codes: &[&str; N],
        seed: u64,
        displacements: &[(u32, u32); B],
        slots: &[(u32, u32); N],
        max_len: usize,
    ) -> Option<usize> {
        if code.len() > max_len || N == 0 || B == 0 {
            return None;
        }
        let (g, f1, f2) = hash(code.as_bytes(), seed);
        let (d1, d2) = displacements[reduce(g, B)];
        let slot = reduce(f1.wrapping_mul(d1).wrapping_add(f2).wrapping_add(d2), N);
        let (fingerprint, index) = slots[slot];
        let index = index as usize;
        if fingerprint == f1 && same_bytes(codes[index].as_bytes(), code.as_bytes()) {
            Some(index)
        } else {
            None
        }
    }
}

/// The slot of a hashed code in a table of `n` slots.
fn slot((_, f1, f2): (u32, u32, u32), (d1, d2): (u32, u32), n: usize) -> usize {
    reduce(f1.wrapping_mul(d1).wrapping_add(f2).wrapping_add(d2), n)
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
            buckets[reduce(h.0, bucket_count)].push(index);
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
            slots: slots
                .into_iter()
                .map(|s| s.map_or((0, 0), |k| (hashes[k as usize].1, k)))
                .collect(),
        })
    }

    /// The index of `code` if it is one of the codes, found the way the generated code does.
    pub fn get(&self, codes: &[&str], code: &str) -> Option<usize> {
        let h = hash(code.as_bytes(), self.seed);
        let d = self.displacements[reduce(h.0, self.displacements.len())];
        let (fingerprint, index) = self.slots[slot(h, d, self.slots.len())];
        let index = index as usize;
        (fingerprint == h.1 && same_bytes(codes[index].as_bytes(), code.as_bytes()))
            .then_some(index)
    }
}

/// The functions the generated lookups need (`hash`, `word`, `same_bytes`, `reduce`, `find`),
/// as tokens for the generated file: the same source this module compiles.
pub fn shared_tokens() -> TokenStream {
    SHARED_SOURCE
        .parse()
        .expect("the shared functions are valid Rust")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_find_agrees() {
        let codes = [
            "InternalError",
            "AuthFailure.SignatureExpire",
            "LimitExceeded",
        ];
        let table = PerfectHash::build(&codes);
        let displacements: [(u32, u32); 1] = table.displacements[..].try_into().unwrap();
        let slots: [(u32, u32); 3] = table.slots[..].try_into().unwrap();
        for (i, code) in codes.iter().enumerate() {
            assert_eq!(
                find(code, &codes, table.seed, &displacements, &slots, 30),
                Some(i)
            );
        }
        assert_eq!(
            find("Internal", &codes, table.seed, &displacements, &slots, 30),
            None
        );
        assert_eq!(
            find(
                "InternalError",
                &codes,
                table.seed,
                &displacements,
                &slots,
                5
            ),
            None
        );
    }

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
        // Generated files embed tables built with this hash: a change must show here first.
        let got = [
            hash(b"InternalError", 0),
            hash(b"AuthFailure.SignatureExpire", 7),
            hash(b"A", 0),
        ];
        assert_eq!(
            got,
            [
                (968467788, 819305244, 2326595387),
                (1706000405, 4068221989, 1058206344),
                (1045883071, 388557033, 46417764),
            ]
        );
    }

    #[test]
    fn same_bytes_compares_every_byte() {
        let code = b"RequestLimitExceeded.UinLimitExceeded";
        assert!(same_bytes(code, code));
        for i in 0..code.len() {
            let mut other = *code;
            other[i] ^= 1;
            assert!(!same_bytes(code, &other), "byte {i}");
        }
        assert!(!same_bytes(b"Short", b"Shorter"));
        assert!(same_bytes(b"", b""));
        assert!(!same_bytes(b"abc", b"abd"));
    }
}
