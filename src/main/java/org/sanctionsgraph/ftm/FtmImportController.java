package org.sanctionsgraph.ftm;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import jakarta.servlet.http.HttpServletRequest;
import org.sanctionsgraph.limits.BodyTooLargeException;
import org.sanctionsgraph.limits.BulkLimitsProperties;
import org.sanctionsgraph.limits.LimitedInputStream;
import org.sanctionsgraph.limits.TransportErrors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /import/ftm}: FtM JSON lines ({@code application/x-ndjson}), optionally
 * gzip-encoded, imported by an administrator; the answer is the import's summary. The
 * body is streamed to a temporary file within the bulk body limit, which also bounds it
 * once decompressed; a body over the limit imports nothing (413).
 */
@RestController
class FtmImportController {

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private final FtmImporter importer;

	private final BulkLimitsProperties limits;

	FtmImportController(FtmImporter importer, BulkLimitsProperties limits) {
		this.importer = importer;
		this.limits = limits;
	}

	@PostMapping("/import/ftm")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Object> importFtm(HttpServletRequest request) throws IOException {
		MediaType type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
		if (type == null || !type.isCompatibleWith(NDJSON)) {
			return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The body must be FtM JSON lines, Content-Type: application/x-ndjson", "BAD_REQUEST");
		}
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		encoding = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
		if (!encoding.equals("identity") && !encoding.equals("gzip")) {
			return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content-Encoding '" + encoding + "' is not supported; send gzip or no encoding", "BAD_REQUEST");
		}
		try (InputStream body = request.getInputStream();
				InputStream decoded = encoding.equals("gzip") ? new GZIPInputStream(body, 64 * 1024) : body) {
			return ResponseEntity
				.ok(this.importer.importStream(new LimitedInputStream(decoded, this.limits.maxBodyBytes())));
		}
		catch (BodyTooLargeException ex) {
			return error(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage() + "; nothing was imported", "LIMIT");
		}
		catch (ZipException ex) {
			return error(HttpStatus.BAD_REQUEST, "The body is not valid gzip; nothing was imported", "BAD_REQUEST");
		}
	}

	private static ResponseEntity<Object> error(HttpStatus status, String message, String classification) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(TransportErrors.body(message, classification));
	}

}
