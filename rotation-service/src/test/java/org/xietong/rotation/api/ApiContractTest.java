package org.xietong.rotation.api;

import io.quarkus.test.junit.QuarkusTest;
import org.xietong.devstack.test.ServiceApiContract;
import org.xietong.rotation.assignment.AssignmentStatus;
import org.xietong.rotation.policy.Eligibility;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.post.PostStatus;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeacherStatus;

import java.util.List;
import java.util.Set;

@QuarkusTest
class ApiContractTest extends ServiceApiContract {

    @Override
    protected Set<String> validatorNames() {
        return Set.of("endDateAfterStart", "termGiven", "termLength", "teamLargeEnough",
                "kindManual", "subjectsDistinct", "birthDatePlausible", "joinedSchoolOnPlausible", "residentIdValid");
    }

    @Override
    protected List<EnumParameter> enumParameters() {
        return List.of(
                new EnumParameter("/api/v1/rotation/posts", "status", PostStatus.class),
                new EnumParameter("/api/v1/rotation/posts", "mode", PostMode.class),
                new EnumParameter("/api/v1/rotation/assignments", "status", AssignmentStatus.class),
                new EnumParameter("/api/v1/rotation/teachers", "subject", Subject.class),
                new EnumParameter("/api/v1/rotation/teachers", "status", TeacherStatus.class),
                new EnumParameter("/api/v1/rotation/eligibility", "status", Eligibility.Status.class));
    }
}
