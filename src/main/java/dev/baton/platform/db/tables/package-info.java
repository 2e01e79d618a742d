/** Generated jOOQ tables, exposed with the rest of the generated schema. */
@NamedInterface("db")
package dev.baton.platform.db.tables;

import org.springframework.modulith.NamedInterface;
