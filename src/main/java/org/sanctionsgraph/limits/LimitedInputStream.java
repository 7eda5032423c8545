package org.sanctionsgraph.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that fails ({@link BodyTooLargeException}) once more than its limit has been
 * read from it: a bulk body as received, or as it decompresses.
 */
public final class LimitedInputStream extends FilterInputStream {

	private final long max;

	private long read;

	public LimitedInputStream(InputStream in, long max) {
		super(in);
		this.max = max;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(int n) throws BodyTooLargeException {
		this.read += n;
		if (this.read > this.max) {
			throw new BodyTooLargeException(this.max);
		}
	}

}
