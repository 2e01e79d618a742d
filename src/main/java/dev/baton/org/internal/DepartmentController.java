package dev.baton.org.internal;

import dev.baton.platform.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The department tree; everyone may read it (pickers need it), org managers change it. */
@RestController
@RequestMapping("/api/v1/departments")
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping
    List<Department> list() {
        return this.departments.all(CurrentUser.require().tenantId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('org.manage')")
    Department create(@Valid @RequestBody DepartmentCommand cmd) {
        return this.departments.create(CurrentUser.require().tenantId(), cmd);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('org.manage')")
    Department update(@PathVariable long id, @Valid @RequestBody DepartmentCommand.Edit cmd) {
        return this.departments.update(CurrentUser.require().tenantId(), id, cmd);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('org.manage')")
    void delete(@PathVariable long id) {
        this.departments.delete(CurrentUser.require().tenantId(), id);
    }
}
