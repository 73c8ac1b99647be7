package org.xietong.rotation.teacher;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subject catalogue; a post or teacher naming anything else is rejected. */
@Schema(name = "TeachingSubject")
public enum Subject {
    CHINESE("语文"), MATH("数学"), ENGLISH("英语"), PHYSICS("物理"), CHEMISTRY("化学"), BIOLOGY("生物"),
    SCIENCE("科学"), POLITICS("道德与法治"), HISTORY("历史"), GEOGRAPHY("地理"), PE("体育"), ARTS("艺术"),
    IT("信息科技");

    private final String label;

    Subject(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
