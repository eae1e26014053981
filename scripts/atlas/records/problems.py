"""Problems found in the records, each tied to the place in a file where a person can mend it."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def annotation(self) -> str:
        """The GitHub Actions workflow command that puts this problem on its line in a pull request."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.column}::{message}"


class InvalidRecords(Exception):
    """The records cannot become a site; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the records")
        self.problems = sorted(set(problems))

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)
