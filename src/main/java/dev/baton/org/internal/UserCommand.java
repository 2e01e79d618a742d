package dev.baton.org.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request bodies for creating and editing users. */
final class UserCommand {

    private UserCommand() {}

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{1,63}";
    static final String MOBILE = "\\+?[0-9][0-9 -]{5,30}";

    record Create(
            @NotBlank @Pattern(regexp = USERNAME, message = "{user.username.pattern}")
            String username,

            @NotBlank @Size(max = 100) String displayName,

            @NotBlank @Size(min = 8, max = 128, message = "{user.password.length}")
            String password,

            @Nullable @Pattern(regexp = MOBILE, message = "{user.mobile.pattern}")
            String mobile,

            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Size(max = 64) String wecomUserId,
            @Nullable Boolean active,
            @Nullable List<@NotNull Long> departmentIds,
            @Nullable List<@NotNull Long> roleIds,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 64) String> skills,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 64) String> regions) {}

    record Edit(
            @NotBlank @Size(max = 100) String displayName,

            @Nullable @Size(min = 8, max = 128, message = "{user.password.length}")
            String password,

            @Nullable @Pattern(regexp = MOBILE, message = "{user.mobile.pattern}")
            String mobile,

            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Size(max = 64) String wecomUserId,
            @Nullable Boolean active,
            @Nullable List<@NotNull Long> departmentIds,
            @Nullable List<@NotNull Long> roleIds,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 64) String> skills,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 64) String> regions,
            @NotNull Integer version) {}
}
