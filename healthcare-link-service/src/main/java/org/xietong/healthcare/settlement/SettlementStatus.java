package org.xietong.healthcare.settlement;

/** A recorded settlement is SETTLED until it is reversed (冲正), by hand or because it was settled again. */
public enum SettlementStatus {
    SETTLED, REVERSED
}
