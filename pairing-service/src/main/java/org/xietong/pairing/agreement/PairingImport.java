package org.xietong.pairing.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.xietong.platform.csv.CsvImportLimits;
import org.xietong.platform.csv.CsvRows;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;
import org.xietong.platform.problem.ProblemException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CSV import of pairing proposals (a province's 365 手拉手 pairs at once): every row is checked as a proposal would
 * be (parties, kind, term, the caller acting for one side, the supporting school's capacity), a pair may appear
 * once, and a pair already open counts unchanged so a file imported twice proposes nothing twice. The proposals are
 * made in one transaction, each published like proposePairing; both sides still approve.
 */
@ApplicationScoped
public class PairingImport {

    static final Set<String> REQUIRED = Set.of("kind", "supportingParty", "supportedParty");
    static final Set<String> OPTIONAL = Set.of("termStart", "termEnd", "goals");

    private final PairingService service;
    private final CsvImportLimits limits;
    private final RowChecks<ProposePairing> checks;

    public PairingImport(PairingService service, CsvImportLimits limits, Validator validator) {
        this.service = service;
        this.limits = limits;
        // Either direction names the same pair: one open pairing between two parties.
        this.checks = new RowChecks<>(validator, PairingImport::toRequest, request -> String.join("~",
                Stream.of(request.supportingParty(), request.supportedParty()).sorted().toList()));
    }

    @Transactional
    public ImportReport run(String csv, ImportMode mode) {
        List<CsvRows.Row> rows = CsvRows.parse(csv, REQUIRED, OPTIONAL, "supportingParty", limits);
        Set<ProposePairing> open = new HashSet<>();
        RowChecks.Checked<ProposePairing> checked = checks.check(rows, "supportingParty", request -> {
            try {
                if (service.alreadyOpen(request)) {
                    open.add(request);
                }
                return null;
            } catch (ProblemException e) {
                return e.problem().detail();
            }
        });
        if (checked.refused(mode)) {
            return checked.report(mode, 0, 0);
        }
        int created = 0;
        for (ProposePairing request : checked.accepted()) {
            if (!open.contains(request)) {
                service.propose(request);
                created++;
            }
        }
        return checked.report(mode, created, 0);
    }

    private static ProposePairing toRequest(CsvRows.Row row) {
        return new ProposePairing(row.enumValue(PairingKind.class, "kind"), row.get("supportingParty"),
                row.get("supportedParty"), row.dateValue("termStart"), row.dateValue("termEnd"), row.get("goals"));
    }
}
