package org.xietong.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Every error a REST resource produces leaves as problem details; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(400, "invalid-request", "Invalid request",
                        errors.size() + " field(s) are invalid")
                .withInstance(uri.getPath()).withErrors(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String detail = "The body is not valid JSON for this request";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail += ": field '" + mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")) + "' has the wrong type or value";
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            detail += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return Problem.of(400, "malformed-body", "Malformed request body", detail).withInstance(uri.getPath()).toResponse();
    }

    /** Quarkus maps this subtype itself (plain JSON); it must be a problem like every other unreadable body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        Response.ResponseBuilder response = Response.fromResponse(
                Problem.of(status, slug(title), title, e.getMessage()).withInstance(uri.getPath()).toResponse());
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    /** A query parameter that does not convert to its type is bad input (400), not a missing resource. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, SimpleResourceInfo resource) {
        Optional<String> unconvertible = e.getCause() == null || resource == null || resource.getResourceClass() == null
                ? Optional.empty() : resourceMethod(resource)
                .flatMap(method -> QueryParameterTypes.unconvertible(method, uri.getQueryParameters()));
        return unconvertible.map(detail -> Problem.of(400, "invalid-parameter", "Invalid parameter", detail)
                .withInstance(uri.getPath()).toResponse()).orElseGet(() -> web(e, uri));
    }

    private static Optional<Method> resourceMethod(SimpleResourceInfo resource) {
        try {
            return Optional.of(resource.getResourceClass().getMethod(resource.getMethodName(),
                    resource.parameterTypes()));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.unauthenticated().withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.forbidden().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        return internalError(e, uri.getPath());
    }

    /** The 500 answer, logged with an error id the caller can quote; for mappers that only handle some of their exceptions. */
    public static Response internalError(Throwable e, String path) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", id, path);
        return Problem.of(500, "internal-error", "Internal error",
                "The request failed on our side; quote error id " + id).withInstance(path).toResponse();
    }

    private static String field(ConstraintViolation<?> violation) {
        // Paths look like "create.request.name": drop the method and parameter names.
        List<String> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(Object::toString).toList();
        return nodes.size() > 2 ? String.join(".", nodes.subList(2, nodes.size())) : String.join(".", nodes);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
