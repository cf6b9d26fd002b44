//! A spool: bytes appended now and copied out later, in order, held in
//! memory up to a limit and beyond it in an unnamed temporary file (gone
//! when the process ends, whatever ends it). A large audit's findings wait
//! here while its KPIs, which come first in the output, are still being
//! counted, so that memory stays bounded whatever the ledger's size.

use std::io::{self, Seek, SeekFrom, Write};

/// In memory up to this many bytes.
const IN_MEMORY: usize = 2 << 20;

pub struct Spool {
    memory: Vec<u8>,
    /// Everything past the first `IN_MEMORY` bytes, once there is any.
    file: Option<io::BufWriter<std::fs::File>>,
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
            limit,
        }
    }

    /// Appends `bytes`.
    pub fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.file.is_none() && self.memory.len() + bytes.len() <= self.limit {
            self.memory.extend_from_slice(bytes);
            return Ok(());
        }
        if self.file.is_none() {
            let f = tempfile::tempfile()?;
            self.file = Some(io::BufWriter::with_capacity(1 << 16, f));
        }
        match &mut self.file {
            Some(f) => f.write_all(bytes),
            None => Ok(()),
        }
    }

    /// Everything appended, in order, to be read back.
    pub fn into_reader(mut self) -> io::Result<impl io::Read> {
        let rest: Box<dyn io::Read> = match self.file.take() {
            Some(f) => {
                let mut f = f.into_inner().map_err(|e| e.into_error())?;
                f.seek(SeekFrom::Start(0))?;
                Box::new(io::BufReader::with_capacity(1 << 16, f))
            }
            None => Box::new(io::empty()),
        };
        Ok(io::Read::chain(io::Cursor::new(self.memory), rest))
    }

    /// Writes everything appended, in order, to `out`.
    pub fn copy_out(mut self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&self.memory)?;
        if let Some(f) = self.file.take() {
            let mut f = f.into_inner().map_err(|e| e.into_error())?;
            f.seek(SeekFrom::Start(0))?;
            io::copy(&mut f, out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_out_memory_then_file_in_order() {
        let mut s = Spool::with_limit(10);
        for part in [&b"alpha-"[..], b"beta-", b"gamma-", b"delta-"] {
            s.append(part).unwrap();
        }
        assert!(s.file.is_some(), "past the limit the bytes go to a file");
        let mut out = Vec::new();
        s.copy_out(&mut out).unwrap();
        assert_eq!(out, b"alpha-beta-gamma-delta-");
    }

    #[test]
    fn reads_back_memory_then_file_in_order() {
        for limit in [3, 10, 1000] {
            let mut s = Spool::with_limit(limit);
            for part in [&b"alpha-"[..], b"beta-", b"gamma"] {
                s.append(part).unwrap();
            }
            let mut back = String::new();
            io::Read::read_to_string(&mut s.into_reader().unwrap(), &mut back).unwrap();
            assert_eq!(back, "alpha-beta-gamma", "limit {limit}");
        }
    }

    #[test]
    fn a_small_spool_stays_in_memory() {
        let mut s = Spool::with_limit(64);
        s.append(b"12345").unwrap();
        s.append(b"67890").unwrap();
        assert!(s.file.is_none());
        let mut out = Vec::new();
        s.copy_out(&mut out).unwrap();
        assert_eq!(out, b"1234567890");
    }
}
