package org.sanctionsgraph.limits;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A bulk request whose body is streamed to the handler rather than held in memory, and
 * fails ({@link BodyTooLargeException}) once more than its limit has been read.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

	private final long max;

	LimitedBodyRequest(HttpServletRequest request, long max) {
		super(request);
		this.max = max;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ServletInputStream body = super.getInputStream();
		LimitedInputStream in = new LimitedInputStream(body, this.max);
		return new ServletInputStream() {

			@Override
			public int read() throws IOException {
				return in.read();
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				return in.read(b, off, len);
			}

			@Override
			public boolean isFinished() {
				return body.isFinished();
			}

			@Override
			public boolean isReady() {
				return body.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException();
			}

		};
	}

}
