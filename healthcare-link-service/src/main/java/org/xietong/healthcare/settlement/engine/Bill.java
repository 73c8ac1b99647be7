package org.xietong.healthcare.settlement.engine;

import java.util.List;

public record Bill(Insured insured, Visit visit, List<BillLine> lines) {
}
