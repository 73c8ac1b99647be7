package org.xietong.healthcare.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A 门诊慢特病 certification: the home insurer has found that its insured has an outpatient chronic or special
 * disease (say uraemia needing dialysis), which opens SPECIAL_CHRONIC settlement for the span of days.
 */
@Entity
@Table(name = "chronic_certification")
public class ChronicCertification extends Registration {

    @Column(name = "disease_code", nullable = false, length = 20)
    public String diseaseCode;

    @Column(name = "disease_name", nullable = false, length = 100)
    public String diseaseName;
}
