package org.acuteflow.config;

/**
 * One thing wrong with a user's input: where (file, line, column when known), which field, and what to do.
 * Line and column are 1-based; 0 means unknown.
 */
public record InputProblem(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append("field '").append(field).append("': ");
        }
        sb.append(message);
        return sb.toString();
    }
}
