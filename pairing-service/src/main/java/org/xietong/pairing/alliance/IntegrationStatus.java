package org.xietong.pairing.alliance;

public enum IntegrationStatus {
    NOT_STARTED, IN_PROGRESS, ESTABLISHED
}
