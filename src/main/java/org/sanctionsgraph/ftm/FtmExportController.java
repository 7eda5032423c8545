package org.sanctionsgraph.ftm;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctionsgraph.limits.TransportErrors;
import org.sanctionsgraph.party.Party;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /export/ftm}: the store (or the part the filters select) as FtM JSON lines,
 * streamed, gzip-compressed when the client accepts it; the {@value NotCarried#HEADER}
 * header counts what the store holds that no FtM entity carries. Readable by whoever may
 * query (a READER key when {@code sanctions.security.require-key-for-reads}).
 */
@RestController
class FtmExportController {

	private static final Set<String> SCHEMATA = Set.of("Person", "Organization", "Company", "LegalEntity", "PublicBody",
			"Address", "Family", "Associate", "Ownership", "Directorship", "Membership", "Sanction", "Passport",
			"Identification", "Occupancy", "Position");

	private final FtmExporter exporter;

	private final MongoTemplate mongo;

	FtmExportController(FtmExporter exporter, MongoTemplate mongo) {
		this.exporter = exporter;
		this.mongo = mongo;
	}

	@GetMapping("/export/ftm")
	ResponseEntity<Object> export(@RequestParam(required = false) String since,
			@RequestParam(required = false) String country, @RequestParam(required = false) List<String> schema,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Instant from = null;
		if (since != null) {
			try {
				from = OffsetDateTime.parse(since).toInstant();
			}
			catch (DateTimeParseException ex) {
				return badRequest("'since' must be a date-time with an offset, such as 2024-01-31T00:00:00Z");
			}
		}
		String partyId = null;
		if (country != null) {
			Party party = this.mongo
				.findOne(Query.query(Criteria.where("code").is(country.strip().toUpperCase(Locale.ROOT))), Party.class);
			if (party == null) {
				return badRequest("'country': no party has the code '" + country + "'");
			}
			partyId = party.id();
		}
		Set<String> schemata = new LinkedHashSet<>(schema == null ? List.of() : schema);
		for (String name : schemata) {
			if (!SCHEMATA.contains(name)) {
				return badRequest("'schema': '" + name + "' is not exported; exported schemata are " + SCHEMATA);
			}
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
		response.setStatus(HttpStatus.OK.value());
		response.setContentType("application/x-ndjson;charset=UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setHeader(HttpHeaders.VARY, "Accept-Encoding, Authorization");
		response.setHeader(NotCarried.HEADER, NotCarried.header(NotCarried.count(this.mongo)));
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		OutputStream body = response.getOutputStream();
		try (OutputStream out = gzip ? new GZIPOutputStream(body, 64 * 1024) : body) {
			this.exporter.export(new FtmExporter.Filter(from, partyId, schemata), out);
		}
		return null;
	}

	private static ResponseEntity<Object> badRequest(String message) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(TransportErrors.body(message, "BAD_REQUEST"));
	}

}
