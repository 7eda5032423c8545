package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.sanctionsgraph.designation.DesignationBuilder;
import org.sanctionsgraph.organization.OrganizationBuilder;
import org.sanctionsgraph.person.PersonBuilder;
import org.sanctionsgraph.tie.TieBuilder;

/**
 * The entities of one import gathered into batches of distinct ids, written a batch at a
 * time (an id seen twice in a batch first writes the batch, so the later line wins).
 */
final class ImportBatches {

	/**
	 * Entities written together (one read, one insert and one history insert per batch
	 * and kind).
	 */
	static final int BATCH = 2000;

	private final FtmUpserts upserts;

	private final AddressBook addressBook;

	private final HeldEntities heldEntities;

	private final ImportSummary summary;

	private final Set<String> ids = new HashSet<>();

	private final List<AddressBook.Numbered> addresses = new ArrayList<>();

	private final List<AddressBook.Numbered> held = new ArrayList<>();

	private final List<FtmUpserts.Pending<PersonBuilder>> people = new ArrayList<>();

	private final List<FtmUpserts.Pending<OrganizationBuilder>> organizations = new ArrayList<>();

	private final List<FtmUpserts.Pending<TieBuilder>> ties = new ArrayList<>();

	private final List<FtmUpserts.Pending<DesignationBuilder>> designations = new ArrayList<>();

	private final Map<String, Long> holders = new LinkedHashMap<>();

	ImportBatches(FtmUpserts upserts, AddressBook addressBook, HeldEntities heldEntities, ImportSummary summary) {
		this.upserts = upserts;
		this.addressBook = addressBook;
		this.heldEntities = heldEntities;
		this.summary = summary;
	}

	void address(long line, FtmEntity entity) {
		make(entity.id());
		this.addresses.add(new AddressBook.Numbered(line, entity));
	}

	void held(long line, FtmEntity entity) {
		make(entity.id());
		this.held.add(new AddressBook.Numbered(line, entity));
	}

	void person(long line, String id, Consumer<PersonBuilder> change) {
		make(id);
		this.people.add(new FtmUpserts.Pending<>(line, id, change));
	}

	void organization(long line, String id, Consumer<OrganizationBuilder> change) {
		make(id);
		this.organizations.add(new FtmUpserts.Pending<>(line, id, change));
	}

	void tie(long line, String id, Consumer<TieBuilder> change) {
		make(id);
		this.ties.add(new FtmUpserts.Pending<>(line, id, change));
	}

	void designation(long line, String id, Consumer<DesignationBuilder> change) {
		make(id);
		this.designations.add(new FtmUpserts.Pending<>(line, id, change));
	}

	/** A holder named by a held entity on the line, given what it holds after. */
	void holder(long line, String holder) {
		if (this.holders.size() >= BATCH) {
			flush();
		}
		this.holders.putIfAbsent(holder, line);
	}

	private void make(String id) {
		if (this.ids.size() >= BATCH || !this.ids.add(id)) {
			flush();
			this.ids.add(id);
		}
	}

	void flush() {
		this.addressBook.storeAll(this.addresses, this.summary);
		this.heldEntities.storeAll(this.held, this.summary);
		this.upserts.people(this.people, this.summary, this.heldEntities);
		this.upserts.organizations(this.organizations, this.summary, this.heldEntities);
		this.upserts.ties(this.ties, this.summary);
		this.upserts.designations(this.designations, this.summary);
		this.upserts.holders(this.holders, this.heldEntities, this.summary);
		this.addresses.clear();
		this.held.clear();
		this.people.clear();
		this.organizations.clear();
		this.ties.clear();
		this.designations.clear();
		this.holders.clear();
		this.ids.clear();
	}

}
