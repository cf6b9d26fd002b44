//! A spool: bytes appended now and copied out later, in any order, held in
//! memory up to a limit and beyond it in an unnamed temporary file (gone
//! when the process ends, whatever ends it). A large audit's findings wait
//! here while its KPIs, which come first in the output, are still being
//! counted, so that memory stays bounded whatever the ledger's size.

use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;

/// In memory up to this many bytes.
const IN_MEMORY: usize = 8 << 20;

pub struct Spool {
    memory: Vec<u8>,
    /// Everything past the first `IN_MEMORY` bytes, once there is any.
    file: Option<io::BufWriter<std::fs::File>>,
    len: u64,
    limit: usize,
}

impl Default for Spool {
    fn default() -> Spool {
        Spool::with_limit(IN_MEMORY)
    }
}

impl Spool {
    /// A spool that keeps `limit` bytes in memory (tests use small ones).
    pub fn with_limit(limit: usize) -> Spool {
        Spool {
            memory: Vec::new(),
            file: None,
            len: 0,
            limit,
        }
    }

    /// Appends `bytes`; returns where they are.
    pub fn append(&mut self, bytes: &[u8]) -> io::Result<Range<u64>> {
        let start = self.len;
        if self.file.is_none() && self.memory.len() + bytes.len() <= self.limit {
            self.memory.extend_from_slice(bytes);
        } else {
            if self.file.is_none() {
                let f = tempfile::tempfile()?;
                self.file = Some(io::BufWriter::with_capacity(1 << 16, f));
            }
            if let Some(f) = &mut self.file {
                f.write_all(bytes)?;
            }
        }
        self.len += bytes.len() as u64;
        Ok(start..self.len)
    }

    /// Writes every range of `ranges`, in that order, to `out`, with
    /// `between` between two of them.
    pub fn copy_out(
        mut self,
        ranges: impl IntoIterator<Item = Range<u64>>,
        between: &[u8],
        out: &mut impl Write,
    ) -> io::Result<()> {
        let in_memory = self.memory.len() as u64;
        let mut file = match self.file.take() {
            Some(f) => Some(f.into_inner().map_err(|e| e.into_error())?),
            None => None,
        };
        let mut at_in_file = u64::MAX;
        let mut buf = Vec::new();
        for (i, r) in ranges.into_iter().enumerate() {
            if i > 0 {
                out.write_all(between)?;
            }
            if r.end <= in_memory {
                let part = self.memory.get(r.start as usize..r.end as usize);
                out.write_all(part.ok_or_else(|| io::Error::other("spool range out of order"))?)?;
                continue;
            }
            let Some(f) = file.as_mut() else {
                return Err(io::Error::other("spool range past its end"));
            };
            let (start, end) = (r.start - in_memory, r.end - in_memory);
            if at_in_file != start {
                f.seek(SeekFrom::Start(start))?;
            }
            buf.resize((end - start) as usize, 0);
            f.read_exact(&mut buf)?;
            out.write_all(&buf)?;
            at_in_file = end;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_out_in_the_order_asked_across_memory_and_file() {
        let mut s = Spool::with_limit(10);
        let parts: Vec<&[u8]> = vec![b"alpha-", b"beta-", b"gamma-", b"delta-"];
        let ranges: Vec<Range<u64>> = parts.iter().map(|p| s.append(p).unwrap()).collect();
        assert!(s.file.is_some(), "past the limit the bytes go to a file");
        let order = [3, 0, 2, 1];
        let mut out = Vec::new();
        s.copy_out(order.iter().map(|&i| ranges[i].clone()), b"|", &mut out)
            .unwrap();
        assert_eq!(out, b"delta-|alpha-|gamma-|beta-");
    }

    #[test]
    fn a_part_never_straddles_memory_and_file() {
        let mut s = Spool::with_limit(8);
        let a = s.append(b"12345").unwrap();
        let b = s.append(b"67890").unwrap();
        let mut out = Vec::new();
        s.copy_out([b, a], b"", &mut out).unwrap();
        assert_eq!(out, b"6789012345");
    }
}
