"""Launch the chat UI (http://127.0.0.1:7860 by default; see ASSISTANT_HOST / ASSISTANT_PORT)."""

import logging

from assistant.config import Settings
from assistant.offline import configure_offline


def main() -> None:
    configure_offline()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from assistant.app.ui import launch

    launch(Settings())


if __name__ == "__main__":
    main()
