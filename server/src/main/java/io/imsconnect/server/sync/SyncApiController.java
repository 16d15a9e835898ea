package io.imsconnect.server.sync;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.errors.Limits;

@RestController
class SyncApiController {

    private final DirectorySync sync;

    SyncApiController(DirectorySync sync) {
        this.sync = sync;
    }

    /** The body of a start: {@code {"dryRun": true}} plans and stores without applying; omitted: false. */
    record StartRequest(Boolean dryRun) {
    }

    @PostMapping("/api/v1/external-accounts/{name}/directory-sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SyncRun start(@PathVariable String name, @RequestBody(required = false) StartRequest request) {
        boolean dryRun = request != null && Boolean.TRUE.equals(request.dryRun());
        return sync.start(name, dryRun, AuditService.currentActor());
    }

    @GetMapping("/api/v1/directory-sync/runs")
    List<SyncRun> list(@RequestParam(required = false) String account, @RequestParam(required = false) RunState state,
            @RequestParam(required = false) String operator, @RequestParam(defaultValue = "100") int limit) {
        return sync.list(account, state, operator, Limits.check(limit));
    }

    @GetMapping("/api/v1/directory-sync/runs/{id}")
    SyncRun get(@PathVariable long id) {
        return sync.get(id);
    }

    @GetMapping("/api/v1/directory-sync/runs/{id}/changes")
    List<SyncChange> changes(@PathVariable long id, @RequestParam(required = false) String operator,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return sync.changes(id, operator, offset, Limits.check(limit));
    }

    @PostMapping("/api/v1/directory-sync/runs/{id}/apply")
    SyncRun apply(@PathVariable long id) {
        return sync.apply(id);
    }

    @PostMapping("/api/v1/directory-sync/runs/{id}/discard")
    SyncRun discard(@PathVariable long id) {
        return sync.discard(id);
    }
}
