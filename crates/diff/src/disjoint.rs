//! Disjoint sets, shared by passage linking and story grouping.

/// Disjoint sets over `0..n`, with the smallest member as each set's root so that roots are
/// the same whatever the order of unions (hand-written: a dozen lines).
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.parent[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_find_roots_are_smallest() {
        let mut u = UnionFind::new(5);
        u.union(4, 2);
        u.union(2, 3);
        assert_eq!(u.find(4), 2);
        u.union(1, 4);
        assert_eq!(u.find(3), 1);
        assert_eq!(u.find(0), 0);
    }
}
