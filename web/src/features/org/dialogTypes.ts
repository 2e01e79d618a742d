export type DepartmentDialogMode = 'create' | 'edit' | 'rename' | 'move' | 'leader'
