package org.xietong.healthcare.registry;

/** A filing or certification is ACTIVE until its home insurer revokes it (with a reason); revoked ones stay readable. */
public enum RegistrationStatus {
    ACTIVE, REVOKED
}
