package org.xietong.rotation.post;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.contracts.rotation.PostChanged;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;
import org.xietong.rotation.school.SchoolReplica;
import org.xietong.rotation.school.SchoolReplicaRepository;
import org.xietong.rotation.teacher.TeacherAccess;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 点单 → 派单: schools request posts, the district officer dispatches them into matching. */
@ApplicationScoped
public class PostService {

    private final PostRepository posts;
    private final SchoolReplicaRepository schools;
    private final TeacherAccess access;
    private final Caller caller;
    private final Outbox outbox;
    private final Audit audit;

    public PostService(PostRepository posts, SchoolReplicaRepository schools, TeacherAccess access, Caller caller,
                       Outbox outbox, Audit audit) {
        this.posts = posts;
        this.schools = schools;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public PostView request(PostRequest request) {
        SchoolReplica school = schools.findById(request.schoolCode());
        if (school == null) {
            throw ProblemException.unprocessable("unknown-school", "Unknown school",
                    "School " + request.schoolCode() + " is not in the registry or has not reached rotation-service yet");
        }
        caller.scope().requireWritable(access.managesSchool(school.regionCode, school.code), "school " + school.code);
        DemandPost post = new DemandPost();
        post.schoolCode = school.code;
        post.regionCode = school.regionCode;
        post.subject = request.subject();
        post.level = request.level();
        post.seats = request.seats();
        post.mode = request.mode();
        post.startDate = request.startDate();
        post.months = request.termMonths();
        post.minTitle = request.minTitle();
        post.minBackbone = request.minBackbone();
        post.preferredTags = request.tags().toArray(String[]::new);
        post.description = request.description();
        post.status = PostStatus.REQUESTED;
        post.requestedBy = caller.username();
        posts.persist(post);
        posts.flush();
        publish(post, PostChanged.REQUESTED, "post.requested");
        return PostView.of(post, 0);
    }

    /** The district officer approves the post (派单); only then does it take part in matching. */
    @Transactional
    public PostView dispatch(long id, String ifMatch) {
        DemandPost post = writable(id, ifMatch);
        if (!caller.hasRole("education-officer") && !caller.hasRole(Caller.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("Only a district education officer dispatches posts");
        }
        requireStatus(post, PostStatus.REQUESTED, "dispatched");
        post.status = PostStatus.DISPATCHED;
        post.dispatchedBy = caller.username();
        return changed(post, PostChanged.DISPATCHED, "post.dispatched");
    }

    /** Withdraws the open seats; assignments already made keep theirs. */
    @Transactional
    public PostView withdraw(long id, String ifMatch) {
        DemandPost post = writable(id, ifMatch);
        if (post.status == PostStatus.WITHDRAWN) {
            throw ProblemException.conflict("post-withdrawn", "Post " + id + " is already withdrawn");
        }
        post.status = PostStatus.WITHDRAWN;
        return changed(post, PostChanged.WITHDRAWN, "post.withdrawn");
    }

    public PostView get(long id) {
        DemandPost post = posts.findById(id);
        caller.scope().requireReadable(post != null && visible(post), "post");
        return view(post);
    }

    public Page<PostView> search(String region, PostStatus status, PostMode mode, String school, int page, int size) {
        RegionScope scope = caller.scope();
        String prefix = region == null ? scope.listingPrefix() : region;
        PanacheQuery<DemandPost> query = posts.search(prefix, scope, status, mode, school);
        List<DemandPost> found = Pages.beyondReach(page, size) ? List.of() : query.page(page, size).list();
        long total = query.count();
        Map<Long, Integer> taken = posts.seatsTaken(found.stream().map(p -> p.id).toList());
        return new Page<>(found.stream().map(p -> PostView.of(p, taken.getOrDefault(p.id, 0))).toList(), page, size, total);
    }

    boolean visible(DemandPost post) {
        return post.status == PostStatus.DISPATCHED || access.managesSchool(post.regionCode, post.schoolCode);
    }

    private DemandPost writable(long id, String ifMatch) {
        DemandPost post = posts.findById(id);
        caller.scope().requireReadable(post != null && visible(post), "post");
        caller.scope().requireWritable(access.managesSchool(post.regionCode, post.schoolCode), "post " + id);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, post.version);
        }
        return post;
    }

    private static void requireStatus(DemandPost post, PostStatus expected, String action) {
        if (post.status != expected) {
            throw ProblemException.conflict("post-" + post.status.name().toLowerCase(Locale.ROOT),
                    "Post " + post.id + " is " + post.status + "; only a " + expected + " post can be " + action);
        }
    }

    private PostView changed(DemandPost post, String type, String action) {
        posts.flush();
        publish(post, type, action);
        return view(post);
    }

    private void publish(DemandPost post, String type, String action) {
        outbox.record(type, String.valueOf(post.id), List.of(post.regionCode), post.event());
        audit.record(caller.actor(), action, "post", String.valueOf(post.id), List.of(post.regionCode),
                Map.of("school", post.schoolCode, "subject", post.subject, "seats", post.seats, "mode", post.mode));
    }

    private PostView view(DemandPost post) {
        return PostView.of(post, posts.seatsTaken(List.of(post.id)).getOrDefault(post.id, 0));
    }
}
