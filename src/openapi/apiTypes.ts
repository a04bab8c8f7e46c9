export interface paths {
    "/api/stories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Stories */
        get: operations["listStories"];
        put?: never;
        /** Create a new Story */
        post: operations["createStory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Story by ID */
        get: operations["findStoryById"];
        put?: never;
        post?: never;
        /** Delete a Story */
        delete: operations["deleteStory"];
        options?: never;
        head?: never;
        /** Update a Story */
        patch: operations["updateStory"];
        trace?: never;
    };
    "/api/story-translations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Story Translations */
        get: operations["listStoryTranslations"];
        put?: never;
        /** Create a new Story Translation */
        post: operations["createStoryTranslation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/story-translations/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Translation */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Story Translation by ID */
        get: operations["findStoryTranslationById"];
        put?: never;
        post?: never;
        /** Delete a Story Translation */
        delete: operations["deleteStoryTranslation"];
        options?: never;
        head?: never;
        /** Update a Story Translation */
        patch: operations["updateStoryTranslation"];
        trace?: never;
    };
    "/api/characters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Characters */
        get: operations["listCharacters"];
        put?: never;
        /** Create a new Character */
        post: operations["createCharacter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/characters/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Character */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Character by ID */
        get: operations["findCharacterById"];
        put?: never;
        post?: never;
        /** Delete a Character */
        delete: operations["deleteCharacter"];
        options?: never;
        head?: never;
        /** Update a Character */
        patch: operations["updateCharacter"];
        trace?: never;
    };
    "/api/story-nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Story Nodes */
        get: operations["listStoryNodes"];
        put?: never;
        /** Create a new Story Node */
        post: operations["createStoryNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/story-nodes/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Node */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Story Node by ID */
        get: operations["findStoryNodeById"];
        put?: never;
        post?: never;
        /** Delete a Story Node */
        delete: operations["deleteStoryNode"];
        options?: never;
        head?: never;
        /** Update a Story Node */
        patch: operations["updateStoryNode"];
        trace?: never;
    };
    "/api/story-choices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Story Choices */
        get: operations["listStoryChoices"];
        put?: never;
        /** Create a new Story Choice */
        post: operations["createStoryChoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/story-choices/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Choice */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Story Choice by ID */
        get: operations["findStoryChoiceById"];
        put?: never;
        post?: never;
        /** Delete a Story Choice */
        delete: operations["deleteStoryChoice"];
        options?: never;
        head?: never;
        /** Update a Story Choice */
        patch: operations["updateStoryChoice"];
        trace?: never;
    };
    "/api/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Media */
        get: operations["listMedia"];
        put?: never;
        /** Create a new Media */
        post: operations["createMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/media/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Media */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Media by ID */
        get: operations["findMediaById"];
        put?: never;
        post?: never;
        /** Delete a Media */
        delete: operations["deleteMedia"];
        options?: never;
        head?: never;
        /** Update a Media */
        patch: operations["updateMedia"];
        trace?: never;
    };
    "/api/translation-states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Translation States */
        get: operations["listTranslationStates"];
        put?: never;
        /** Create a new Translation State */
        post: operations["createTranslationState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/translation-states/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Translation State */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Translation State by ID */
        get: operations["findTranslationStateById"];
        put?: never;
        post?: never;
        /** Delete a Translation State */
        delete: operations["deleteTranslationState"];
        options?: never;
        head?: never;
        /** Update a Translation State */
        patch: operations["updateTranslationState"];
        trace?: never;
    };
    "/api/translation-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Translation Events */
        get: operations["listTranslationEvents"];
        put?: never;
        /** Create a new Translation Event */
        post: operations["createTranslationEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/translation-events/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Translation Event */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Translation Event by ID */
        get: operations["findTranslationEventById"];
        put?: never;
        post?: never;
        /** Delete a Translation Event */
        delete: operations["deleteTranslationEvent"];
        options?: never;
        head?: never;
        /** Update a Translation Event */
        patch: operations["updateTranslationEvent"];
        trace?: never;
    };
    "/api/audio-files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Audio Files */
        get: operations["listAudioFiles"];
        put?: never;
        /** Create a new Audio File */
        post: operations["createAudioFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audio-files/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Audio File */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Audio File by ID */
        get: operations["findAudioFileById"];
        put?: never;
        post?: never;
        /** Delete a Audio File */
        delete: operations["deleteAudioFile"];
        options?: never;
        head?: never;
        /** Update a Audio File */
        patch: operations["updateAudioFile"];
        trace?: never;
    };
    "/api/pronunciations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Pronunciations */
        get: operations["listPronunciations"];
        put?: never;
        /** Create a new Pronunciation */
        post: operations["createPronunciation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pronunciations/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Pronunciation */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Pronunciation by ID */
        get: operations["findPronunciationById"];
        put?: never;
        post?: never;
        /** Delete a Pronunciation */
        delete: operations["deletePronunciation"];
        options?: never;
        head?: never;
        /** Update a Pronunciation */
        patch: operations["updatePronunciation"];
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Users */
        get: operations["listUsers"];
        put?: never;
        /** Create a new User */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the User */
                id: string;
            };
            cookie?: never;
        };
        /** Find a User by ID */
        get: operations["findUserById"];
        put?: never;
        post?: never;
        /** Delete a User */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Update a User */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/user-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of User Progresses */
        get: operations["listUserProgresses"];
        put?: never;
        /** Create a new User Progress */
        post: operations["createUserProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user-progress/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the User Progress */
                id: string;
            };
            cookie?: never;
        };
        /** Find a User Progress by ID */
        get: operations["findUserProgressById"];
        put?: never;
        post?: never;
        /** Delete a User Progress */
        delete: operations["deleteUserProgress"];
        options?: never;
        head?: never;
        /** Update a User Progress */
        patch: operations["updateUserProgress"];
        trace?: never;
    };
    "/api/bookmarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Bookmarks */
        get: operations["listBookmarks"];
        put?: never;
        /** Create a new Bookmark */
        post: operations["createBookmark"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookmarks/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Bookmark */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Bookmark by ID */
        get: operations["findBookmarkById"];
        put?: never;
        post?: never;
        /** Delete a Bookmark */
        delete: operations["deleteBookmark"];
        options?: never;
        head?: never;
        /** Update a Bookmark */
        patch: operations["updateBookmark"];
        trace?: never;
    };
    "/api/analytics-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Analytics Events */
        get: operations["listAnalyticsEvents"];
        put?: never;
        /** Create a new Analytics Event */
        post: operations["createAnalyticsEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics-events/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Analytics Event */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Analytics Event by ID */
        get: operations["findAnalyticsEventById"];
        put?: never;
        post?: never;
        /** Delete a Analytics Event */
        delete: operations["deleteAnalyticsEvent"];
        options?: never;
        head?: never;
        /** Update a Analytics Event */
        patch: operations["updateAnalyticsEvent"];
        trace?: never;
    };
    "/api/editors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list of Editors */
        get: operations["listEditors"];
        put?: never;
        /** Create a new Editor */
        post: operations["createEditor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/{id}": {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Editor */
                id: string;
            };
            cookie?: never;
        };
        /** Find a Editor by ID */
        get: operations["findEditorById"];
        put?: never;
        post?: never;
        /** Delete a Editor */
        delete: operations["deleteEditor"];
        options?: never;
        head?: never;
        /** Update a Editor */
        patch: operations["updateEditor"];
        trace?: never;
    };
    "/api/users/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out the current User */
        post: operations["logoutUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in listener */
        get: operations["getSignedInListener"];
        put?: never;
        post?: never;
        /** Deletes the listener with its progress and bookmarks (analytics stay, detached) */
        delete: operations["deleteListener"];
        options?: never;
        head?: never;
        /** Updates some preferences (null removes one) */
        patch: operations["updateListenerPreferences"];
        trace?: never;
    };
    "/api/users/refresh-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refresh the token of the current User */
        post: operations["refreshTokenUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/init": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check whether any Users exist */
        get: operations["initUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in as a Editor */
        post: operations["loginEditor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a password reset token to a Editor */
        post: operations["forgotPasswordEditor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset the password of a Editor */
        post: operations["resetPasswordEditor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/first-register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the first Editor
         * @description Only succeeds while no Editors exist.
         */
        post: operations["firstRegisterEditor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a locked out Editor */
        post: operations["unlockEditor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out the current Editor */
        post: operations["logoutEditor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve the currently authenticated Editor */
        get: operations["meEditor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/refresh-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refresh the token of the current Editor */
        post: operations["refreshTokenEditor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/editors/init": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check whether any Editors exist */
        get: operations["initEditor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve the permissions of the authenticated user */
        get: operations["access"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up (no I/O; answered by the server before Next) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Can this process serve traffic: database, migrations, bucket (replicas reported) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of the whole cluster (METRICS_TOKEN as Bearer, or a staff sign-in) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{slug}/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The compiled story in one locale
         * @description Served from an in-process cache (no SQL) or one indexed read. Strong ETag (= version) with 304 on If-None-Match; compressed per Accept-Encoding (br, gzip) with Vary: Accept-Encoding. No authentication.
         */
        get: operations["getStoryBundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Story cards of active stories, newest first, 20 per page */
        get: operations["getStoryCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The story’s validation errors and warnings */
        get: operations["validateStory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/studio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything the Studio draws, in one request (staff)
         * @description The story graph with every locale’s own text, its validation report, per node and choice the `updatedAt` to send back as `X-Expected-Updated-At` (optimistic concurrency: a write over a newer version answers 409 naming who saved it), node metadata and card positions, audio states per locale, and the caller’s role.
         */
        get: operations["getStoryStudio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/draft-bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The story compiled in memory in one locale, active or not; nothing is published (staff play-test) */
        get: operations["getStoryDraftBundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/audio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue audio generation for the story’s missing, outdated or failed variants (editors) */
        post: operations["generateStoryAudio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/audio-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-locale audio status and estimated cost (staff) */
        get: operations["getStoryAudioStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audio-files/{id}/play": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts a play and redirects to the audio object (Ogg/Opus) */
        get: operations["playAudio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audio-files/{id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Voice a rejected line again, alone, optionally with another speaker or pace (editors and the locale’s reviewers) */
        post: operations["regenerateAudio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/anonymous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finds or creates the listener of a device and returns its token */
        post: operations["signInAnonymous"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The listener’s progress in every story it started */
        get: operations["listMyProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/progress/{storySlug}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts a new play of the story */
        post: operations["progressStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/progress/{storySlug}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Moves on from the current node (the default option at a choice) */
        post: operations["progressAdvance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/progress/{storySlug}/choose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Takes an option at the current choice node */
        post: operations["progressChoose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookmarks/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The listener’s bookmarks, newest first */
        get: operations["listMyBookmarks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookmarks/story/{storySlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bookmarks a story (one per story; adding again returns the existing one) */
        post: operations["addStoryBookmark"];
        /** Removes the bookmark on a story */
        delete: operations["removeStoryBookmark"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records a batch of up to 500 listening events
         * @description The batch is validated whole: one bad event refuses the batch and nothing is written.
         */
        post: operations["sendAnalyticsEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics-events/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stories started and completed per day, and options taken (admins) */
        get: operations["getListenerDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/translation-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every translatable unit of the story in one locale, in reading order, with source, text and status (the workspace’s data)
         * @description Stale units carry the source they were translated from. Editors, and translators of the locale.
         */
        get: operations["getTranslationStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/translation-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approves (or takes back approval of) units of a locale, or all of them (editors and the locale’s reviewers) */
        post: operations["reviewTranslation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Moves a locale of the story to draft, in review or published
         * @description Editors publish and unpublish; the locale’s translators may send it for review. Only published locales are served to apps (bundle, catalog, GraphQL, bucket copies).
         */
        post: operations["setLocalePublication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/translation-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed what in a locale (or one unit), newest first */
        get: operations["getTranslationHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/translation-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The locale as a file for outside translators: XLIFF 2.0 or CSV */
        get: operations["exportTranslation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/translation-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Imports an XLIFF 2.0 or CSV file of the locale (the file is the body)
         * @description Writes every unit whose source still matches; reports unknown ids and conflicts (the source changed since the export), which are not written. A malformed file, a duplicate unit or a file of another language writes nothing.
         */
        post: operations["importTranslation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/machine-draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Machine drafts (Sarvam) for the missing units of a locale, or the named ones
         * @description Rows are marked machine until a person edits or approves them; machine drafts never count as approved.
         */
        post: operations["draftTranslationWithMachine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/translation-dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stories x locales: progress, stale count, approvals, audio coverage and publication state (a translator sees their locales) */
        get: operations["getTranslationDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @example Europe/Prague */
        supportedTimezones: string;
        /** Story */
        Story: {
            id: string;
            /** @description URL name, e.g. clever-crow (lowercase letters, digits, hyphens). */
            slug: string;
            title: string;
            description?: string | null;
            moral?: string | null;
            /** @description e.g. '4-6', '7-10' */
            ageRange: string;
            /** @description e.g. 'pan-indian', 'bengali', 'tamil' */
            region: string;
            durationMin?: number | null;
            cover?: (string | null) | components["schemas"]["Media"];
            /** @description Public URL of the cover (set from the upload). */
            coverImage?: string | null;
            isActive?: boolean | null;
            /**
             * @description The language the story is written in; every other language is translated from it (hi-mixed from hi).
             * @enum {string|null}
             */
            sourceLocale?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed" | null;
            /** @description Notes for translators: tone, names not to translate, a small glossary. */
            translatorNotes?: {
                root: {
                    type: string;
                    children: ({
                        type: string;
                        version: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    direction: ("ltr" | "rtl") | null;
                    /** @enum {string} */
                    format: "left" | "start" | "center" | "right" | "end" | "justify" | "";
                    indent: number;
                    version: number;
                };
            } | null;
            /** @description Notes of this language's translators (switch the locale to edit another language's). */
            localeNotes?: {
                root: {
                    type: string;
                    children: ({
                        type: string;
                        version: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    direction: ("ltr" | "rtl") | null;
                    /** @enum {string} */
                    format: "left" | "start" | "center" | "right" | "end" | "justify" | "";
                    indent: number;
                    version: number;
                };
            } | null;
            characters?: {
                docs?: (string | components["schemas"]["Character"])[];
                hasNextPage?: boolean;
                totalDocs?: number;
            };
            nodes?: {
                docs?: (string | components["schemas"]["StoryNode"])[];
                hasNextPage?: boolean;
                totalDocs?: number;
            };
            updatedAt: string;
            createdAt: string;
        };
        /**
         * Story Translation
         * @description Derived from each story and its nodes: read-only.
         */
        StoryTranslation: {
            id: string;
            story: string | components["schemas"]["Story"];
            languageCode: string;
            title: string;
            description?: string | null;
            contentJson: Record<string, never> | unknown[] | string | number | boolean | null;
            isComplete?: boolean | null;
            /** @description Copied from the story for the bundle endpoint. */
            storySlug?: string | null;
            /** @description The story is active. */
            isPublished?: boolean | null;
            /** @description Content hash of content_json (the bundle ETag). */
            version?: string | null;
            /** @description Immutable copy in object storage (only while the locale is live). */
            bundleUrl?: string | null;
            /** @description The voices (provider, model, narrator) the bundle was compiled for. */
            voices?: string | null;
            /**
             * @description Apps get this locale only when published (the story's source locale follows Active).
             * @enum {string|null}
             */
            publicationState?: "draft" | "in_review" | "published" | null;
            /** @description Translation progress, refreshed with the bundle (units whose source has text). */
            progress?: {
                units?: number | null;
                missing?: number | null;
                machine?: number | null;
                stale?: number | null;
                translated?: number | null;
                approved?: number | null;
                nodes?: number | null;
                audioNodes?: number | null;
            };
            updatedAt: string;
            createdAt: string;
        };
        /** Character */
        Character: {
            id: string;
            story: string | components["schemas"]["Story"];
            /** @description e.g. narrator, crow */
            slug: string;
            name: string;
            /** @description e.g. warm_elderly */
            voiceProfile: string;
            /** @description Sarvam Bulbul speaker, e.g. meera */
            bulbulSpeaker: string;
            displayOrder?: number | null;
            /** @description Speaker per language where it differs from the Bulbul speaker above; with a model, only when that model voices the story. */
            voiceCast?: {
                /** @enum {string} */
                locale: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                /** @description local, bulbul:v2, bulbul:v3; empty: every model */
                model?: string | null;
                speaker: string;
                id?: string | null;
            }[] | null;
            description?: string | null;
            avatar?: (string | null) | components["schemas"]["Media"];
            avatarUrl?: string | null;
            updatedAt: string;
            createdAt: string;
        };
        /** Story Node */
        StoryNode: {
            id: string;
            story: string | components["schemas"]["Story"];
            /** @enum {string} */
            nodeType: "narration" | "dialogue" | "choice" | "end";
            displayOrder: number;
            isStart?: boolean | null;
            isEnd?: boolean | null;
            character?: (string | null) | components["schemas"]["Character"];
            textContent: string;
            metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
            choices?: {
                docs?: (string | components["schemas"]["StoryChoice"])[];
                hasNextPage?: boolean;
                totalDocs?: number;
            };
            /** @description Who saved this last (set automatically). */
            editedBy?: string | null;
            updatedAt: string;
            createdAt: string;
        };
        /** Story Choice */
        StoryChoice: {
            id: string;
            node: string | components["schemas"]["StoryNode"];
            /** @description Set from the node. */
            story?: (string | null) | components["schemas"]["Story"];
            /** @description 'A', 'B', 'C' */
            choiceKey: string;
            isDefault?: boolean | null;
            textContent: string;
            nextNode?: (string | null) | components["schemas"]["StoryNode"];
            metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
            /** @description Who saved this last (set automatically). */
            editedBy?: string | null;
            updatedAt: string;
            createdAt: string;
        };
        /** Media */
        Media: {
            id: string;
            alt: string;
            prefix?: string | null;
            _objectKey?: string | null;
            updatedAt: string;
            createdAt: string;
            url?: string | null;
            thumbnailURL?: string | null;
            filename?: string | null;
            mimeType?: string | null;
            filesize?: number | null;
            width?: number | null;
            height?: number | null;
            focalX?: number | null;
            focalY?: number | null;
            sizes?: {
                thumbnail?: {
                    url?: string | null;
                    width?: number | null;
                    height?: number | null;
                    mimeType?: string | null;
                    filesize?: number | null;
                    filename?: string | null;
                };
                card?: {
                    url?: string | null;
                    width?: number | null;
                    height?: number | null;
                    mimeType?: string | null;
                    filesize?: number | null;
                    filename?: string | null;
                };
                hero?: {
                    url?: string | null;
                    width?: number | null;
                    height?: number | null;
                    mimeType?: string | null;
                    filesize?: number | null;
                    filename?: string | null;
                };
            };
        };
        /**
         * Translation State
         * @description Status of each translated text (written by the translation workspace): read-only.
         */
        TranslationState: {
            id: string;
            story: string | components["schemas"]["Story"];
            unitId: string;
            /** @enum {string} */
            locale: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
            /** @enum {string} */
            status: "machine" | "translated" | "approved";
            sourceHash?: string | null;
            sourceText?: string | null;
            targetHash?: string | null;
            updatedBy?: (string | null) | components["schemas"]["Editor"];
            updatedAt: string;
            createdAt: string;
        };
        /**
         * Translation Event
         * @description Who changed which translation when: read-only.
         */
        TranslationEvent: {
            id: string;
            story: string | components["schemas"]["Story"];
            /** @description Empty for changes of the whole locale. */
            unitId?: string | null;
            /** @enum {string} */
            locale: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
            /** @enum {string} */
            action: "saved" | "machine" | "approved" | "unapproved" | "cleared" | "publication";
            fromStatus?: string | null;
            toStatus?: string | null;
            by?: (string | null) | components["schemas"]["Editor"];
            updatedAt: string;
            createdAt: string;
        };
        /** Audio File */
        AudioFile: {
            id: string;
            node: string | components["schemas"]["StoryNode"];
            /** @description Set for a spoken choice: the option read aloud (node is the choice node). Empty for the node’s own line. */
            choice?: (string | null) | components["schemas"]["StoryChoice"];
            story?: (string | null) | components["schemas"]["Story"];
            languageCode: string;
            /** @description Share of English words in the voiced text (0 = the language alone), measured from the text. */
            codeMixRatio?: number | null;
            speakerId: string;
            /** @description Object key in the bucket (audio/<sha256>.opus). */
            r2Url: string;
            fileSize?: number | null;
            durationSec?: number | null;
            checksum?: string | null;
            accessedAt?: string | null;
            accessCount?: number | null;
            /** @description sha256 of text, language, speaker, model, provider settings and code-mix ratio. */
            contentKey?: string | null;
            provider?: string | null;
            model?: string | null;
            /** @description Characters voiced */
            textChars?: number | null;
            /** @description Integrated loudness of the decoded file (EBU R128), target -16 LUFS +-1 */
            loudnessLufs?: number | null;
            /** @description True peak of the decoded file, at most -1.5 dBTP */
            truePeakDbtp?: number | null;
            /** @description The line’s own voice here, from a regeneration on the review screen (empty: the voice cast’s). */
            lineVoice?: {
                /** @description Empty: the voice cast’s speaker. */
                speaker?: string | null;
                /** @description 1 = normal */
                pace?: number | null;
                /** @description Regeneration number */
                take?: number | null;
            };
            /** @description Read-along cues: [{ start, end, text }] per sentence, seconds */
            cues?: Record<string, never> | unknown[] | string | number | boolean | null;
            /** @description Where apps play it: the CDN URL, or the counting play endpoint. */
            url?: string | null;
            /**
             * @description A reviewer listened: approved, or rejected with a note. New audio starts pending.
             * @enum {string|null}
             */
            reviewStatus?: "pending" | "approved" | "rejected" | null;
            reviewedBy?: (string | null) | components["schemas"]["Editor"];
            reviewedAt?: string | null;
            /** @description What is wrong with a rejected line (required when rejecting). */
            reviewNote?: string | null;
            updatedAt: string;
            createdAt: string;
        };
        /** Pronunciation */
        Pronunciation: {
            id: string;
            /** @description As written in the story, e.g. Chintu, डॉ. */
            term: string;
            /** @enum {string} */
            locale: "all" | "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
            /** @description How the voice should say it, e.g. चिंटू, डॉक्टर */
            spoken: string;
            note?: string | null;
            updatedAt: string;
            createdAt: string;
        };
        /** User */
        User: {
            id: string;
            anonymousId: string;
            lastActive?: string | null;
            preferences?: Record<string, never> | unknown[] | string | number | boolean | null;
            metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
            updatedAt: string;
            createdAt: string;
            /** @enum {string} */
            collection: "users";
        };
        /** User Progress */
        UserProgress: {
            id: string;
            user: string | components["schemas"]["User"];
            story: string | components["schemas"]["Story"];
            currentNode?: (string | null) | components["schemas"]["StoryNode"];
            choicesMade?: Record<string, never> | unknown[] | string | number | boolean | null;
            isCompleted?: boolean | null;
            completionPercentage?: number | null;
            playCount?: number | null;
            totalTimeSec?: number | null;
            lastPlayedAt?: string | null;
            /** @description Story engine state (path travelled, bundle version). */
            listenState?: Record<string, never> | unknown[] | string | number | boolean | null;
            updatedAt: string;
            createdAt: string;
        };
        /** Bookmark */
        Bookmark: {
            id: string;
            user: string | components["schemas"]["User"];
            story: string | components["schemas"]["Story"];
            notes?: string | null;
            updatedAt: string;
            createdAt: string;
        };
        /** Analytics Event */
        AnalyticsEvent: {
            id: string;
            user?: (string | null) | components["schemas"]["User"];
            story?: (string | null) | components["schemas"]["Story"];
            node?: (string | null) | components["schemas"]["StoryNode"];
            /** @enum {string} */
            eventType: "page_view" | "story_start" | "story_complete" | "choice_made" | "audio_play" | "audio_pause" | "language_change" | "bookmark_add" | "bookmark_remove";
            eventData?: Record<string, never> | unknown[] | string | number | boolean | null;
            sessionId?: string | null;
            ipAddress?: string | null;
            userAgent?: string | null;
            updatedAt: string;
            createdAt: string;
        };
        /** Editor */
        Editor: {
            id: string;
            /** @description The one-time setup token printed by npm start (or ADMIN_SETUP_TOKEN). */
            setupToken?: string | null;
            name?: string | null;
            /** @enum {string} */
            role: "admin" | "editor" | "translator";
            /** @description Languages a translator may edit. */
            assignedLocales?: ("en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed")[] | null;
            /** @description May approve translations in their languages (editors always may). */
            reviewer?: boolean | null;
            updatedAt: string;
            createdAt: string;
            email: string;
            sessions?: {
                id: string;
                createdAt?: string | null;
                expiresAt: string;
            }[] | null;
            password?: string | null;
            /** @enum {string} */
            collection: "editors";
        };
        /** Story query operations */
        StoryQueryOperations: {
            slug?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            title?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            coverImage?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            isActive?: {
                equals?: boolean;
                not_equals?: boolean;
                in?: string;
                not_in?: string;
            };
            sourceLocale?: {
                /** @enum {string} */
                equals?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                /** @enum {string} */
                not_equals?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                in?: string;
                not_in?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Story query conjunction */
        StoryQueryOperationsAnd: {
            and: (components["schemas"]["StoryQueryOperations"] | components["schemas"]["StoryQueryOperationsAnd"] | components["schemas"]["StoryQueryOperationsOr"])[];
        };
        /** Story query disjunction */
        StoryQueryOperationsOr: {
            or: (components["schemas"]["StoryQueryOperations"] | components["schemas"]["StoryQueryOperationsAnd"] | components["schemas"]["StoryQueryOperationsOr"])[];
        };
        /** Story Translation query operations */
        StoryTranslationQueryOperations: {
            languageCode?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            title?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            isComplete?: {
                equals?: boolean;
                not_equals?: boolean;
                in?: string;
                not_in?: string;
            };
            storySlug?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            isPublished?: {
                equals?: boolean;
                not_equals?: boolean;
                in?: string;
                not_in?: string;
            };
            version?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            bundleUrl?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            voices?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            publicationState?: {
                /** @enum {string} */
                equals?: "draft" | "in_review" | "published";
                /** @enum {string} */
                not_equals?: "draft" | "in_review" | "published";
                in?: string;
                not_in?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Story Translation query conjunction */
        StoryTranslationQueryOperationsAnd: {
            and: (components["schemas"]["StoryTranslationQueryOperations"] | components["schemas"]["StoryTranslationQueryOperationsAnd"] | components["schemas"]["StoryTranslationQueryOperationsOr"])[];
        };
        /** Story Translation query disjunction */
        StoryTranslationQueryOperationsOr: {
            or: (components["schemas"]["StoryTranslationQueryOperations"] | components["schemas"]["StoryTranslationQueryOperationsAnd"] | components["schemas"]["StoryTranslationQueryOperationsOr"])[];
        };
        /** Character query operations */
        CharacterQueryOperations: {
            avatarUrl?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Character query conjunction */
        CharacterQueryOperationsAnd: {
            and: (components["schemas"]["CharacterQueryOperations"] | components["schemas"]["CharacterQueryOperationsAnd"] | components["schemas"]["CharacterQueryOperationsOr"])[];
        };
        /** Character query disjunction */
        CharacterQueryOperationsOr: {
            or: (components["schemas"]["CharacterQueryOperations"] | components["schemas"]["CharacterQueryOperationsAnd"] | components["schemas"]["CharacterQueryOperationsOr"])[];
        };
        /** Story Node query operations */
        StoryNodeQueryOperations: {
            editedBy?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Story Node query conjunction */
        StoryNodeQueryOperationsAnd: {
            and: (components["schemas"]["StoryNodeQueryOperations"] | components["schemas"]["StoryNodeQueryOperationsAnd"] | components["schemas"]["StoryNodeQueryOperationsOr"])[];
        };
        /** Story Node query disjunction */
        StoryNodeQueryOperationsOr: {
            or: (components["schemas"]["StoryNodeQueryOperations"] | components["schemas"]["StoryNodeQueryOperationsAnd"] | components["schemas"]["StoryNodeQueryOperationsOr"])[];
        };
        /** Story Choice query operations */
        StoryChoiceQueryOperations: {
            editedBy?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Story Choice query conjunction */
        StoryChoiceQueryOperationsAnd: {
            and: (components["schemas"]["StoryChoiceQueryOperations"] | components["schemas"]["StoryChoiceQueryOperationsAnd"] | components["schemas"]["StoryChoiceQueryOperationsOr"])[];
        };
        /** Story Choice query disjunction */
        StoryChoiceQueryOperationsOr: {
            or: (components["schemas"]["StoryChoiceQueryOperations"] | components["schemas"]["StoryChoiceQueryOperationsAnd"] | components["schemas"]["StoryChoiceQueryOperationsOr"])[];
        };
        /** Media query operations */
        MediaQueryOperations: {
            alt?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            prefix?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            _objectKey?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            url?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            thumbnailURL?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            filename?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            mimeType?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            filesize?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            width?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            height?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            focalX?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            focalY?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
        };
        /** Media query conjunction */
        MediaQueryOperationsAnd: {
            and: (components["schemas"]["MediaQueryOperations"] | components["schemas"]["MediaQueryOperationsAnd"] | components["schemas"]["MediaQueryOperationsOr"])[];
        };
        /** Media query disjunction */
        MediaQueryOperationsOr: {
            or: (components["schemas"]["MediaQueryOperations"] | components["schemas"]["MediaQueryOperationsAnd"] | components["schemas"]["MediaQueryOperationsOr"])[];
        };
        /** Translation State query operations */
        TranslationStateQueryOperations: {
            unitId?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            locale?: {
                /** @enum {string} */
                equals?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                /** @enum {string} */
                not_equals?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                in?: string;
                not_in?: string;
            };
            status?: {
                /** @enum {string} */
                equals?: "machine" | "translated" | "approved";
                /** @enum {string} */
                not_equals?: "machine" | "translated" | "approved";
                in?: string;
                not_in?: string;
            };
            sourceHash?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            targetHash?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Translation State query conjunction */
        TranslationStateQueryOperationsAnd: {
            and: (components["schemas"]["TranslationStateQueryOperations"] | components["schemas"]["TranslationStateQueryOperationsAnd"] | components["schemas"]["TranslationStateQueryOperationsOr"])[];
        };
        /** Translation State query disjunction */
        TranslationStateQueryOperationsOr: {
            or: (components["schemas"]["TranslationStateQueryOperations"] | components["schemas"]["TranslationStateQueryOperationsAnd"] | components["schemas"]["TranslationStateQueryOperationsOr"])[];
        };
        /** Translation Event query operations */
        TranslationEventQueryOperations: {
            unitId?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            locale?: {
                /** @enum {string} */
                equals?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                /** @enum {string} */
                not_equals?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                in?: string;
                not_in?: string;
            };
            action?: {
                /** @enum {string} */
                equals?: "saved" | "machine" | "approved" | "unapproved" | "cleared" | "publication";
                /** @enum {string} */
                not_equals?: "saved" | "machine" | "approved" | "unapproved" | "cleared" | "publication";
                in?: string;
                not_in?: string;
            };
            fromStatus?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            toStatus?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Translation Event query conjunction */
        TranslationEventQueryOperationsAnd: {
            and: (components["schemas"]["TranslationEventQueryOperations"] | components["schemas"]["TranslationEventQueryOperationsAnd"] | components["schemas"]["TranslationEventQueryOperationsOr"])[];
        };
        /** Translation Event query disjunction */
        TranslationEventQueryOperationsOr: {
            or: (components["schemas"]["TranslationEventQueryOperations"] | components["schemas"]["TranslationEventQueryOperationsAnd"] | components["schemas"]["TranslationEventQueryOperationsOr"])[];
        };
        /** Audio File query operations */
        AudioFileQueryOperations: {
            languageCode?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            codeMixRatio?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            speakerId?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            r2Url?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            fileSize?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            durationSec?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            checksum?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            accessedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            accessCount?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            contentKey?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            url?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Audio File query conjunction */
        AudioFileQueryOperationsAnd: {
            and: (components["schemas"]["AudioFileQueryOperations"] | components["schemas"]["AudioFileQueryOperationsAnd"] | components["schemas"]["AudioFileQueryOperationsOr"])[];
        };
        /** Audio File query disjunction */
        AudioFileQueryOperationsOr: {
            or: (components["schemas"]["AudioFileQueryOperations"] | components["schemas"]["AudioFileQueryOperationsAnd"] | components["schemas"]["AudioFileQueryOperationsOr"])[];
        };
        /** Pronunciation query operations */
        PronunciationQueryOperations: {
            spoken?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Pronunciation query conjunction */
        PronunciationQueryOperationsAnd: {
            and: (components["schemas"]["PronunciationQueryOperations"] | components["schemas"]["PronunciationQueryOperationsAnd"] | components["schemas"]["PronunciationQueryOperationsOr"])[];
        };
        /** Pronunciation query disjunction */
        PronunciationQueryOperationsOr: {
            or: (components["schemas"]["PronunciationQueryOperations"] | components["schemas"]["PronunciationQueryOperationsAnd"] | components["schemas"]["PronunciationQueryOperationsOr"])[];
        };
        /** User query operations */
        UserQueryOperations: {
            anonymousId?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            lastActive?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** User query conjunction */
        UserQueryOperationsAnd: {
            and: (components["schemas"]["UserQueryOperations"] | components["schemas"]["UserQueryOperationsAnd"] | components["schemas"]["UserQueryOperationsOr"])[];
        };
        /** User query disjunction */
        UserQueryOperationsOr: {
            or: (components["schemas"]["UserQueryOperations"] | components["schemas"]["UserQueryOperationsAnd"] | components["schemas"]["UserQueryOperationsOr"])[];
        };
        /** User Progress query operations */
        UserProgressQueryOperations: {
            isCompleted?: {
                equals?: boolean;
                not_equals?: boolean;
                in?: string;
                not_in?: string;
            };
            completionPercentage?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            playCount?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            totalTimeSec?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            lastPlayedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** User Progress query conjunction */
        UserProgressQueryOperationsAnd: {
            and: (components["schemas"]["UserProgressQueryOperations"] | components["schemas"]["UserProgressQueryOperationsAnd"] | components["schemas"]["UserProgressQueryOperationsOr"])[];
        };
        /** User Progress query disjunction */
        UserProgressQueryOperationsOr: {
            or: (components["schemas"]["UserProgressQueryOperations"] | components["schemas"]["UserProgressQueryOperationsAnd"] | components["schemas"]["UserProgressQueryOperationsOr"])[];
        };
        /** Bookmark query operations */
        BookmarkQueryOperations: {
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Bookmark query conjunction */
        BookmarkQueryOperationsAnd: {
            and: (components["schemas"]["BookmarkQueryOperations"] | components["schemas"]["BookmarkQueryOperationsAnd"] | components["schemas"]["BookmarkQueryOperationsOr"])[];
        };
        /** Bookmark query disjunction */
        BookmarkQueryOperationsOr: {
            or: (components["schemas"]["BookmarkQueryOperations"] | components["schemas"]["BookmarkQueryOperationsAnd"] | components["schemas"]["BookmarkQueryOperationsOr"])[];
        };
        /** Analytics Event query operations */
        AnalyticsEventQueryOperations: {
            eventType?: {
                /** @enum {string} */
                equals?: "page_view" | "story_start" | "story_complete" | "choice_made" | "audio_play" | "audio_pause" | "language_change" | "bookmark_add" | "bookmark_remove";
                /** @enum {string} */
                not_equals?: "page_view" | "story_start" | "story_complete" | "choice_made" | "audio_play" | "audio_pause" | "language_change" | "bookmark_add" | "bookmark_remove";
                in?: string;
                not_in?: string;
            };
            sessionId?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            ipAddress?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Analytics Event query conjunction */
        AnalyticsEventQueryOperationsAnd: {
            and: (components["schemas"]["AnalyticsEventQueryOperations"] | components["schemas"]["AnalyticsEventQueryOperationsAnd"] | components["schemas"]["AnalyticsEventQueryOperationsOr"])[];
        };
        /** Analytics Event query disjunction */
        AnalyticsEventQueryOperationsOr: {
            or: (components["schemas"]["AnalyticsEventQueryOperations"] | components["schemas"]["AnalyticsEventQueryOperationsAnd"] | components["schemas"]["AnalyticsEventQueryOperationsOr"])[];
        };
        /** Editor query operations */
        EditorQueryOperations: {
            setupToken?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            name?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            role?: {
                /** @enum {string} */
                equals?: "admin" | "editor" | "translator";
                /** @enum {string} */
                not_equals?: "admin" | "editor" | "translator";
                in?: string;
                not_in?: string;
            };
            assignedLocales?: {
                /** @enum {string} */
                equals?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                /** @enum {string} */
                not_equals?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                in?: string;
                not_in?: string;
            };
            reviewer?: {
                equals?: boolean;
                not_equals?: boolean;
                in?: string;
                not_in?: string;
            };
            updatedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            createdAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            email?: {
                /** Format: email */
                equals?: string;
                /** Format: email */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: email */
                contains?: string;
            };
            resetPasswordToken?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            resetPasswordExpiration?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            salt?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            hash?: {
                equals?: string;
                not_equals?: string;
                in?: string;
                not_in?: string;
                like?: string;
                contains?: string;
            };
            resetPasswordRequestedAt?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
            loginAttempts?: {
                equals?: number;
                not_equals?: number;
                in?: string;
                not_in?: string;
                greater_than?: number;
                greater_than_equal?: number;
                less_than?: number;
                less_than_equal?: number;
            };
            lockUntil?: {
                /** Format: date-time */
                equals?: string;
                /** Format: date-time */
                not_equals?: string;
                in?: string;
                not_in?: string;
                /** Format: date-time */
                greater_than?: string;
                /** Format: date-time */
                greater_than_equal?: string;
                /** Format: date-time */
                less_than?: string;
                /** Format: date-time */
                less_than_equal?: string;
            };
        };
        /** Editor query conjunction */
        EditorQueryOperationsAnd: {
            and: (components["schemas"]["EditorQueryOperations"] | components["schemas"]["EditorQueryOperationsAnd"] | components["schemas"]["EditorQueryOperationsOr"])[];
        };
        /** Editor query disjunction */
        EditorQueryOperationsOr: {
            or: (components["schemas"]["EditorQueryOperations"] | components["schemas"]["EditorQueryOperationsAnd"] | components["schemas"]["EditorQueryOperationsOr"])[];
        };
        AuthMessage: {
            message: string;
        };
        AuthInit: {
            initialized: boolean;
        };
        /** @description Resolved permissions for the authenticated user, keyed by collection and global */
        AuthAccess: Record<string, never>;
        UserLogin: {
            message: string;
            user: components["schemas"]["User"];
            exp?: number;
            token?: string;
        };
        UserMe: {
            message: string;
            user?: components["schemas"]["User"];
            collection?: string;
            exp?: number;
            token?: string;
        };
        UserRefreshToken: {
            message: string;
            user: components["schemas"]["User"];
            exp: number;
            refreshedToken?: string;
        };
        UserResetPassword: {
            message: string;
            user: components["schemas"]["User"];
            token?: string;
        };
        EditorLogin: {
            message: string;
            user: components["schemas"]["Editor"];
            exp?: number;
            token?: string;
        };
        EditorMe: {
            message: string;
            user?: components["schemas"]["Editor"];
            collection?: string;
            exp?: number;
            token?: string;
        };
        EditorRefreshToken: {
            message: string;
            user: components["schemas"]["Editor"];
            exp: number;
            refreshedToken?: string;
        };
        EditorResetPassword: {
            message: string;
            user: components["schemas"]["Editor"];
            token?: string;
        };
        /** @description A compiled story in one locale: everything a player needs. */
        StoryBundle: {
            /**
             * @description Older name of formatVersion.
             * @constant
             */
            format: 1;
            /**
             * @description Version of the bundle format. Changes within a format version are additive only (new optional fields).
             * @constant
             */
            formatVersion: 1;
            /** @description Content hash of this bundle; the ETag of the bundle endpoint. */
            version: string;
            /** @enum {string} */
            locale: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
            story: components["schemas"]["BundleStory"];
            characters: components["schemas"]["BundleCharacter"][];
            /** @description In story order. */
            nodes: components["schemas"]["BundleNode"][];
            /** @description Where a listener begins; null for a story without a start node. */
            startNodeId: string | null;
            /** @description True when every node and choice has its own text in this locale. */
            complete: boolean;
        };
        BundleStory: {
            id: string;
            slug: string;
            title: string;
            description: string;
            moral: string;
            ageRange: string;
            region: string;
            durationMin: number | null;
            coverUrl: string | null;
        };
        BundleCharacter: {
            id: string;
            slug: string;
            name: string;
            voiceProfile: string;
            /** @description The character's speaker for this locale: the voice cast's for it, else the character's default (a line whose text falls back to another locale plays that locale's audio, in its voice). */
            speaker: string;
            avatarUrl: string | null;
        };
        BundleNode: {
            id: string;
            /** @enum {string} */
            type: "narration" | "dialogue" | "choice" | "end";
            characterId: string | null;
            /** @description The text in the bundle's locale, or the fallback locale's text; '' when no locale has text. */
            text: string;
            /** @description The locale the text came from; null when no locale of the fallback chain has text. */
            textLocale: ("en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed") | null;
            /** @description True when the text is not the bundle locale's own. */
            fallback: boolean;
            /** @description Audio of the text's locale, made from exactly this text, speaker and pronunciation lexicon: GET it (a redirect to the object) or null. */
            audioUrl: string | null;
            /** @description The node has text but no audio made from it yet (edited since, or never voiced); regeneration is pending. */
            needsAudio: boolean;
            /** @description Read-along cues of audioUrl, one per sentence; empty without audio. */
            cues: components["schemas"]["BundleCue"][];
            /** @description Successor of a narration or dialogue node; null for choices and ends. */
            next: string | null;
            /** @description Options of a choice node, ordered by key; empty for other nodes. */
            choices: components["schemas"]["BundleChoice"][];
        };
        BundleChoice: {
            /** @description A, B, C… */
            key: string;
            /** @description The text in the bundle's locale, or the fallback locale's text; '' when no locale has text. */
            text: string;
            /** @description The locale the text came from; null when no locale of the fallback chain has text. */
            textLocale: ("en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed") | null;
            /** @description True when the text is not the bundle locale's own. */
            fallback: boolean;
            /** @description The node this option leads to (null when its target is not a node of this story). */
            target: string | null;
            /** @description The option taken when the listener does not choose. */
            isDefault: boolean;
            /** @description Spoken choice: the option read aloud in its choice node's voice, in the locale its text came from (made from exactly this text); null until voiced. */
            audioUrl: string | null;
            /** @description The option has text but no spoken audio made from it yet (edited since, or never voiced); regeneration is pending. */
            needsAudio: boolean;
        };
        /** @description When one sentence is spoken (read-along highlighting); also as WebVTT at /api/audio-files/{id}/cues.vtt. */
        BundleCue: {
            /** @description Seconds from the start of the audio where the sentence begins. */
            start: number;
            /** @description Seconds where it ends. */
            end: number;
            /** @description The sentence as written in the text. */
            text: string;
        };
        StoryCard: {
            slug: string;
            title: string;
            description: string | null;
            ageRange: string;
            region: string;
            durationMin: number | null;
            coverUrl: string | null;
            complete: boolean;
            /** @description The bundle version (its ETag). */
            version: string;
            /** @description Immutable copy of the bundle in object storage. */
            bundleUrl: string | null;
            /** @description Locales the story is live in: its source locale and every published one. */
            liveLocales: string[];
        };
        CatalogPage: {
            locale: components["schemas"]["LocaleCode"];
            page: number;
            pageSize: number;
            totalDocs: number;
            totalPages: number;
            stories: components["schemas"]["StoryCard"][];
        };
        Listener: {
            id: string;
            anonymousId: string;
            preferences: {
                language?: components["schemas"]["LocaleCode"];
                codeMix?: number;
                autoplay?: boolean;
                textSize?: string;
            };
            createdAt: string;
            lastActive: string | null;
        };
        Progress: {
            storySlug: string;
            storyId: string;
            currentNodeId: string | null;
            choicesMade: {
                node_id: string;
                choice: string;
                at: string;
            }[];
            isCompleted: boolean;
            completionPercentage: number;
            playCount: number;
            totalTimeSec: number;
            lastPlayedAt: string | null;
            ended: boolean;
        };
        ListenerBookmark: {
            id: string;
            storyId: string;
            storySlug: string;
            notes: string | null;
            createdAt: string;
        };
        /**
         * @description A content locale; hi-mixed is Hinglish in Latin script.
         * @enum {string}
         */
        LocaleCode: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
        /** @description Error body: { errors: [{ message, field?, code? }] }. */
        Error: {
            errors: ({
                message: string;
                /** @description Dotted path of the offending field, e.g. preferences.textSize or events.3.type */
                field?: string;
                /** @description A machine-readable reason where the endpoint has several (progress moves). */
                code?: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        ListenerSignIn: {
            /** @description Send as Authorization: Bearer <token>. */
            token: string;
            user: components["schemas"]["Listener"];
        };
        ListenerResponse: {
            user: components["schemas"]["Listener"];
        };
        ProgressResponse: {
            progress: components["schemas"]["Progress"];
        };
        ProgressList: {
            docs: components["schemas"]["Progress"][];
        };
        ProgressMoveError: {
            errors: ({
                message: string;
                field?: string;
                /** @description e.g. not-current-node, unknown-choice, story-ended, story-inactive */
                code?: string;
                /** @description Where the listener really is (409). */
                currentNodeId?: string | null;
            } & {
                [key: string]: unknown;
            })[];
        };
        BookmarkAdded: {
            bookmark: components["schemas"]["ListenerBookmark"];
            created: boolean;
        };
        BookmarkList: {
            docs: components["schemas"]["ListenerBookmark"][];
        };
        Deleted: {
            /** @constant */
            deleted: true;
        };
        AnalyticsAccepted: {
            accepted: number;
        };
        AnalyticsBatchError: {
            errors: ({
                message: string;
                field: string;
                index?: number;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Indexes of the events that are invalid; nothing of the batch was written. */
            invalidIndexes: number[];
        };
        /** @description Errors block activation; warnings (e.g. missing translations) do not. */
        ValidationReport: {
            errors: {
                code: string;
                message: string;
                nodeId?: string;
                choiceId?: string;
                locale?: components["schemas"]["LocaleCode"];
            }[];
            warnings: {
                code: string;
                message: string;
                nodeId?: string;
                choiceId?: string;
                locale?: components["schemas"]["LocaleCode"];
            }[];
        };
        StoryAudioStatus: {
            story: {
                id: string;
                slug: string;
            };
            provider: {
                name: string;
                model: string;
            };
            locales: {
                done: number;
                queued: number;
                failed: number;
                missing: number;
                noText: number;
                charsToVoice: number;
                estimatedCostInr: number;
                locale: components["schemas"]["LocaleCode"];
                nodes: number;
                /** @description Of the lines done (current audio): waiting for review, approved, rejected. */
                review: {
                    pending: number;
                    approved: number;
                    rejected: number;
                };
            }[];
            totals: {
                done: number;
                queued: number;
                failed: number;
                missing: number;
                noText: number;
                charsToVoice: number;
                estimatedCostInr: number;
                nodes: number;
            };
        };
        AudioEnqueued: {
            jobIds: string[];
            enqueued: number;
            upToDate: number;
            alreadyQueued: number;
            noText: number;
            status: components["schemas"]["StoryAudioStatus"];
        };
        ListenerDashboard: {
            days: number;
            perDay: {
                day: string;
                started: number;
                completed: number;
            }[];
            choices: {
                storySlug: string;
                nodeId: string;
                nodeText: string | null;
                choice: string;
                count: number;
            }[];
            listeners: number;
            activeListeners7d: number;
        };
        GetHealth200: {
            /** @constant */
            status: "ok";
            pid: number;
            uptimeSeconds: number;
        } & {
            [key: string]: unknown;
        };
        GetReadiness200: {
            /** @enum {string} */
            status: "ready" | "degraded" | "unavailable";
            failing?: string[];
            checks: {
                [key: string]: {
                    ok: boolean;
                    ms: number;
                    error?: string;
                } & {
                    [key: string]: unknown;
                };
            };
            replicas: ({
                healthy: boolean;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        GetStoryStudio200: {
            graph: {
                id: string;
                nodes: ({
                    id: string;
                } & {
                    [key: string]: unknown;
                })[];
                choices: ({
                    id: string;
                } & {
                    [key: string]: unknown;
                })[];
            } & {
                [key: string]: unknown;
            };
            report: components["schemas"]["ValidationReport"];
            nodes: {
                [key: string]: {
                    updatedAt: string;
                    metadata: {
                        [key: string]: unknown;
                    };
                    position: {
                        x: number;
                        y: number;
                    } | null;
                };
            };
            choices: {
                [key: string]: {
                    updatedAt: string;
                };
            };
            audio: {
                [key: string]: {
                    [key: string]: "done" | "outdated" | "missing" | "failed" | "queued";
                };
            };
            audioRows: {
                [key: string]: number;
            };
            user: {
                role: string;
                assignedLocales: string[];
            };
        };
        GenerateStoryAudioBody: {
            /** @description Limit generation to these locale codes (default: all); an unknown code is a 400 listing the valid ones. */
            locales?: string[] | string;
        };
        RegenerateAudioBody: {
            /** @description Another speaker for this line (a valid speaker of the configured provider and model); default: the voice cast’s. */
            speaker?: string;
            /** @description Pace, 1 = normal (0.5-2, what every provider and model accepts); default: normal. */
            pace?: number;
        };
        RegenerateAudio202: {
            /** @description The one generateAudio job queued for this line. */
            jobId: string;
            /** @description The rejected audio file whose line is voiced again. */
            audioFile: string;
            /** @description The speaker asked for (null: the voice cast’s). */
            speaker: string | null;
            /** @description The pace asked for (null: normal). */
            pace: number | null;
        };
        SignInAnonymousBody: {
            anonymousId: string;
        };
        UpdateListenerPreferencesBody: {
            preferences: {
                language?: ("en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed") | null;
                codeMix?: number | null;
                autoplay?: boolean | null;
                textSize?: ("small" | "medium" | "large" | "extra-large") | null;
            };
        };
        ProgressStartBody: {
            listenedSec?: number;
        };
        ProgressAdvanceBody: {
            /** Format: uuid */
            nodeId: string;
            listenedSec?: number;
        };
        ProgressChooseBody: {
            /** Format: uuid */
            nodeId: string;
            choiceKey: string;
            listenedSec?: number;
        };
        AddStoryBookmarkBody: {
            notes?: string | null;
        };
        SendAnalyticsEventsBody: {
            events: {
                /** @enum {string} */
                type: "page_view" | "story_start" | "story_complete" | "choice_made" | "audio_play" | "audio_pause" | "language_change" | "bookmark_add" | "bookmark_remove";
                storySlug?: string;
                /** Format: uuid */
                nodeId?: string;
                data?: {
                    [key: string]: unknown;
                };
                sessionId: string;
                /** Format: date-time */
                at?: string;
            }[];
        };
        /** @description Every translatable unit of a story in one locale, with its source, text and status. */
        GetTranslationStatus200: {
            story: {
                id: string;
                slug: string;
                sourceLocale: string;
                title: string;
            };
            locale: string;
            /** @description BCP 47 tag of the locale (od -> or, hi-mixed -> hi-Latn). */
            tag: string;
            /** @description The locale translated from; null for the story’s source locale. */
            sourceLocale: string | null;
            /** @enum {string} */
            publicationState: "source" | "draft" | "in_review" | "published";
            settings: {
                requireApproval: boolean;
                /** @enum {string} */
                requireAudio: "none" | "generated" | "approved";
            };
            /** @description Machine drafts are available (SARVAM_API_KEY is set). */
            machineTranslation: boolean;
            counts: {
                units: number;
                missing: number;
                machine: number;
                stale: number;
                translated: number;
                approved: number;
                nodes: number;
                audioNodes: number;
            };
            missing: string[];
            stale: string[];
            machine: string[];
            /** @description Every unit in reading order. */
            units: {
                /** @description A stable unit id, e.g. story-nodes/<uuid>/textContent. */
                id: string;
                kind: string;
                kindLabel: string;
                /** @enum {string} */
                collection: "stories" | "characters" | "story-nodes" | "story-choices";
                docId: string;
                field: string;
                choiceKey: string | null;
                speaker: string | null;
                previousUnitId: string | null;
                source: string;
                target: string;
                /** @enum {string} */
                status: "source" | "missing" | "machine" | "translated" | "approved";
                stale: boolean;
                /** @description For a stale unit: the source text it was translated from. */
                previousSource: string | null;
                required: boolean;
                audioUrl: string | null;
                updatedAt: string | null;
                updatedBy: string | null;
            }[];
            /** @description With `source`: each unit’s own text in that locale (empty when none). */
            shownSource?: {
                locale: string;
                texts: {
                    [key: string]: string;
                };
            };
        };
        ReviewTranslationBody: {
            /** @description A content locale code, e.g. ta (400 naming `locale` when unknown). */
            locale: string;
            /** @description The units to approve, or "all" (every unit with text). */
            units: "all" | string[];
            /**
             * @default approve
             * @enum {string}
             */
            action: "approve" | "unapprove";
        };
        ReviewTranslation200: {
            changed: number;
        };
        SetLocalePublicationBody: {
            /** @description A content locale code, e.g. ta (400 naming `locale` when unknown). */
            locale: string;
            /**
             * @description Editors publish and unpublish; the locale’s translators may send it for review.
             * @enum {string}
             */
            state: "draft" | "in_review" | "published";
        };
        SetLocalePublication200: {
            locale: string;
            /** @enum {string} */
            previous: "draft" | "in_review" | "published";
            /** @enum {string} */
            state: "draft" | "in_review" | "published";
        };
        /** @description Publishing refused: every blocking unit, by reason. */
        SetLocalePublication409: {
            errors: ({
                message: string;
                /** @constant */
                field: "state";
                /** @constant */
                code: "LOCALE_NOT_READY";
                blockers: {
                    /** @enum {string} */
                    reason: "missing" | "machine" | "stale" | "unapproved" | "audio";
                    units: string[];
                }[];
            } & {
                [key: string]: unknown;
            })[];
        };
        GetTranslationHistory200: {
            events: {
                /** @description null for a locale-level event (publication). */
                unitId: string | null;
                action: string;
                from: string | null;
                to: string | null;
                by: {
                    id: string;
                    name: string | null;
                } | null;
                at: string;
            }[];
        };
        ImportTranslation200: {
            written: number;
            unchanged: number;
            empty: number;
            /** @description Ids in the file that are not units of the story. */
            unknown: string[];
            /** @description Units whose source changed since the export: not written. */
            conflicts: {
                id: string;
                fileSource: string;
                currentSource: string;
            }[];
        };
        DraftTranslationWithMachineBody: {
            /** @description A content locale code, e.g. ta (400 naming `locale` when unknown). */
            locale: string;
            /** @description Units to draft (missing or machine drafts); default every missing unit. */
            units?: string[];
        };
        DraftTranslationWithMachine200: {
            drafted: string[];
            model: string;
            /** @description Missing units still left: ask again to draft the next batch (MACHINE_DRAFT_BATCH per request). */
            remaining: number;
        };
        GetTranslationDashboard200: {
            locales: string[];
            stories: {
                id: string;
                slug: string;
                title: string;
                sourceLocale: string;
                active: boolean;
                locales: {
                    [key: string]: {
                        /** @enum {string} */
                        state: "source" | "draft" | "in_review" | "published";
                        units: number;
                        missing: number;
                        machine: number;
                        stale: number;
                        translated: number;
                        approved: number;
                        nodes: number;
                        audioNodes: number;
                    };
                };
            }[];
        };
    };
    responses: {
        /** @description Story object */
        StoryResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Story"];
            };
        };
        /** @description Story object */
        MutateStoryResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["Story"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Story not found */
        StoryNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Stories */
        StoryListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["Story"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Story Translation object */
        StoryTranslationResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StoryTranslation"];
            };
        };
        /** @description Story Translation object */
        MutateStoryTranslationResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["StoryTranslation"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Story Translation not found */
        StoryTranslationNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Story Translations */
        StoryTranslationListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["StoryTranslation"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Character object */
        CharacterResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Character"];
            };
        };
        /** @description Character object */
        MutateCharacterResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["Character"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Character not found */
        CharacterNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Characters */
        CharacterListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["Character"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Story Node object */
        StoryNodeResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StoryNode"];
            };
        };
        /** @description Story Node object */
        MutateStoryNodeResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["StoryNode"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Story Node not found */
        StoryNodeNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Story Nodes */
        StoryNodeListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["StoryNode"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Story Choice object */
        StoryChoiceResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StoryChoice"];
            };
        };
        /** @description Story Choice object */
        MutateStoryChoiceResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["StoryChoice"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Story Choice not found */
        StoryChoiceNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Story Choices */
        StoryChoiceListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["StoryChoice"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Media object */
        MediaResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Media"];
            };
        };
        /** @description Media object */
        MutateMediaResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["Media"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Media not found */
        MediaNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Media */
        MediaListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["Media"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Translation State object */
        TranslationStateResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TranslationState"];
            };
        };
        /** @description Translation State object */
        MutateTranslationStateResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["TranslationState"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Translation State not found */
        TranslationStateNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Translation States */
        TranslationStateListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["TranslationState"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Translation Event object */
        TranslationEventResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TranslationEvent"];
            };
        };
        /** @description Translation Event object */
        MutateTranslationEventResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["TranslationEvent"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Translation Event not found */
        TranslationEventNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Translation Events */
        TranslationEventListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["TranslationEvent"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Audio File object */
        AudioFileResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AudioFile"];
            };
        };
        /** @description Audio File object */
        MutateAudioFileResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["AudioFile"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Audio File not found */
        AudioFileNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Audio Files */
        AudioFileListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["AudioFile"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Pronunciation object */
        PronunciationResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Pronunciation"];
            };
        };
        /** @description Pronunciation object */
        MutatePronunciationResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["Pronunciation"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Pronunciation not found */
        PronunciationNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Pronunciations */
        PronunciationListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["Pronunciation"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description User object */
        UserResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        /** @description User object */
        MutateUserResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["User"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description User not found */
        UserNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Users */
        UserListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["User"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description User Progress object */
        UserProgressResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UserProgress"];
            };
        };
        /** @description User Progress object */
        MutateUserProgressResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["UserProgress"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description User Progress not found */
        UserProgressNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of User Progresses */
        UserProgressListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["UserProgress"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Bookmark object */
        BookmarkResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Bookmark"];
            };
        };
        /** @description Bookmark object */
        MutateBookmarkResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["Bookmark"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Bookmark not found */
        BookmarkNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Bookmarks */
        BookmarkListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["Bookmark"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Analytics Event object */
        AnalyticsEventResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AnalyticsEvent"];
            };
        };
        /** @description Analytics Event object */
        MutateAnalyticsEventResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["AnalyticsEvent"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Analytics Event not found */
        AnalyticsEventNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Analytics Events */
        AnalyticsEventListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["AnalyticsEvent"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Editor object */
        EditorResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Editor"];
            };
        };
        /** @description Editor object */
        MutateEditorResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    doc: components["schemas"]["Editor"] & {
                        id: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
        /** @description Editor not found */
        EditorNotFoundResponse: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description List of Editors */
        EditorListResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    docs: components["schemas"]["Editor"][];
                    totalDocs: number;
                    limit: number;
                    totalPages: number;
                    page: number;
                    pagingCounter: number;
                    hasPrevPage: boolean;
                    hasNextPage: boolean;
                    prevPage: number | null;
                    nextPage: number | null;
                };
            };
        };
        /** @description Operation result message */
        AuthMessageResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AuthMessage"];
            };
        };
        /** @description Whether the collection already has at least one document */
        AuthInitResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AuthInit"];
            };
        };
        /** @description Resolved permissions for the authenticated user */
        AuthAccessResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AuthAccess"];
            };
        };
        /** @description The logged in User and its token */
        UserLoginResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UserLogin"];
            };
        };
        /** @description The currently authenticated User, if any */
        UserMeResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UserMe"];
            };
        };
        /** @description The User and its refreshed token */
        UserRefreshTokenResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UserRefreshToken"];
            };
        };
        /** @description The User whose password was reset */
        UserResetPasswordResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UserResetPassword"];
            };
        };
        /** @description The logged in Editor and its token */
        EditorLoginResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EditorLogin"];
            };
        };
        /** @description The currently authenticated Editor, if any */
        EditorMeResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EditorMe"];
            };
        };
        /** @description The Editor and its refreshed token */
        EditorRefreshTokenResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EditorRefreshToken"];
            };
        };
        /** @description The Editor whose password was reset */
        EditorResetPasswordResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EditorResetPassword"];
            };
        };
    };
    parameters: never;
    requestBodies: {
        /** @description Story */
        StoryRequestBody: {
            content: {
                "application/json": {
                    /** @description URL name, e.g. clever-crow (lowercase letters, digits, hyphens). */
                    slug: string;
                    title: string;
                    description?: string | null;
                    moral?: string | null;
                    /** @description e.g. '4-6', '7-10' */
                    ageRange: string;
                    /** @description e.g. 'pan-indian', 'bengali', 'tamil' */
                    region: string;
                    durationMin?: number | null;
                    cover?: (string | null) | components["schemas"]["Media"];
                    /** @description Public URL of the cover (set from the upload). */
                    coverImage?: string | null;
                    isActive?: boolean | null;
                    /**
                     * @description The language the story is written in; every other language is translated from it (hi-mixed from hi).
                     * @enum {string|null}
                     */
                    sourceLocale?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed" | null;
                    /** @description Notes for translators: tone, names not to translate, a small glossary. */
                    translatorNotes?: {
                        root: {
                            type: string;
                            children: ({
                                type: string;
                                version: number;
                            } & {
                                [key: string]: unknown;
                            })[];
                            direction: ("ltr" | "rtl") | null;
                            /** @enum {string} */
                            format: "left" | "start" | "center" | "right" | "end" | "justify" | "";
                            indent: number;
                            version: number;
                        };
                    } | null;
                    /** @description Notes of this language's translators (switch the locale to edit another language's). */
                    localeNotes?: {
                        root: {
                            type: string;
                            children: ({
                                type: string;
                                version: number;
                            } & {
                                [key: string]: unknown;
                            })[];
                            direction: ("ltr" | "rtl") | null;
                            /** @enum {string} */
                            format: "left" | "start" | "center" | "right" | "end" | "justify" | "";
                            indent: number;
                            version: number;
                        };
                    } | null;
                    characters?: {
                        docs?: (string | components["schemas"]["Character"])[];
                        hasNextPage?: boolean;
                        totalDocs?: number;
                    };
                    nodes?: {
                        docs?: (string | components["schemas"]["StoryNode"])[];
                        hasNextPage?: boolean;
                        totalDocs?: number;
                    };
                };
            };
        };
        /** @description Story */
        StoryPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description URL name, e.g. clever-crow (lowercase letters, digits, hyphens). */
                    slug?: string;
                    title?: string;
                    description?: string | null;
                    moral?: string | null;
                    /** @description e.g. '4-6', '7-10' */
                    ageRange?: string;
                    /** @description e.g. 'pan-indian', 'bengali', 'tamil' */
                    region?: string;
                    durationMin?: number | null;
                    cover?: (string | null) | components["schemas"]["Media"];
                    /** @description Public URL of the cover (set from the upload). */
                    coverImage?: string | null;
                    isActive?: boolean | null;
                    /**
                     * @description The language the story is written in; every other language is translated from it (hi-mixed from hi).
                     * @enum {string|null}
                     */
                    sourceLocale?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed" | null;
                    /** @description Notes for translators: tone, names not to translate, a small glossary. */
                    translatorNotes?: {
                        root: {
                            type: string;
                            children: ({
                                type: string;
                                version: number;
                            } & {
                                [key: string]: unknown;
                            })[];
                            direction: ("ltr" | "rtl") | null;
                            /** @enum {string} */
                            format: "left" | "start" | "center" | "right" | "end" | "justify" | "";
                            indent: number;
                            version: number;
                        };
                    } | null;
                    /** @description Notes of this language's translators (switch the locale to edit another language's). */
                    localeNotes?: {
                        root: {
                            type: string;
                            children: ({
                                type: string;
                                version: number;
                            } & {
                                [key: string]: unknown;
                            })[];
                            direction: ("ltr" | "rtl") | null;
                            /** @enum {string} */
                            format: "left" | "start" | "center" | "right" | "end" | "justify" | "";
                            indent: number;
                            version: number;
                        };
                    } | null;
                    characters?: {
                        docs?: (string | components["schemas"]["Character"])[];
                        hasNextPage?: boolean;
                        totalDocs?: number;
                    };
                    nodes?: {
                        docs?: (string | components["schemas"]["StoryNode"])[];
                        hasNextPage?: boolean;
                        totalDocs?: number;
                    };
                };
            };
        };
        /** @description Story Translation */
        StoryTranslationRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story: string;
                    languageCode: string;
                    title: string;
                    description?: string | null;
                    contentJson: Record<string, never> | unknown[] | string | number | boolean | null;
                    isComplete?: boolean | null;
                    /** @description Copied from the story for the bundle endpoint. */
                    storySlug?: string | null;
                    /** @description The story is active. */
                    isPublished?: boolean | null;
                    /** @description Content hash of content_json (the bundle ETag). */
                    version?: string | null;
                    /** @description Immutable copy in object storage (only while the locale is live). */
                    bundleUrl?: string | null;
                    /** @description The voices (provider, model, narrator) the bundle was compiled for. */
                    voices?: string | null;
                    /**
                     * @description Apps get this locale only when published (the story's source locale follows Active).
                     * @enum {string|null}
                     */
                    publicationState?: "draft" | "in_review" | "published" | null;
                    /** @description Translation progress, refreshed with the bundle (units whose source has text). */
                    progress?: {
                        units?: number | null;
                        missing?: number | null;
                        machine?: number | null;
                        stale?: number | null;
                        translated?: number | null;
                        approved?: number | null;
                        nodes?: number | null;
                        audioNodes?: number | null;
                    };
                };
            };
        };
        /** @description Story Translation */
        StoryTranslationPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story?: string;
                    languageCode?: string;
                    title?: string;
                    description?: string | null;
                    contentJson?: Record<string, never> | unknown[] | string | number | boolean | null;
                    isComplete?: boolean | null;
                    /** @description Copied from the story for the bundle endpoint. */
                    storySlug?: string | null;
                    /** @description The story is active. */
                    isPublished?: boolean | null;
                    /** @description Content hash of content_json (the bundle ETag). */
                    version?: string | null;
                    /** @description Immutable copy in object storage (only while the locale is live). */
                    bundleUrl?: string | null;
                    /** @description The voices (provider, model, narrator) the bundle was compiled for. */
                    voices?: string | null;
                    /**
                     * @description Apps get this locale only when published (the story's source locale follows Active).
                     * @enum {string|null}
                     */
                    publicationState?: "draft" | "in_review" | "published" | null;
                    /** @description Translation progress, refreshed with the bundle (units whose source has text). */
                    progress?: {
                        units?: number | null;
                        missing?: number | null;
                        machine?: number | null;
                        stale?: number | null;
                        translated?: number | null;
                        approved?: number | null;
                        nodes?: number | null;
                        audioNodes?: number | null;
                    };
                };
            };
        };
        /** @description Character */
        CharacterRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story: string;
                    /** @description e.g. narrator, crow */
                    slug: string;
                    name: string;
                    /** @description e.g. warm_elderly */
                    voiceProfile: string;
                    /** @description Sarvam Bulbul speaker, e.g. meera */
                    bulbulSpeaker: string;
                    displayOrder?: number | null;
                    /** @description Speaker per language where it differs from the Bulbul speaker above; with a model, only when that model voices the story. */
                    voiceCast?: {
                        /** @enum {string} */
                        locale: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                        /** @description local, bulbul:v2, bulbul:v3; empty: every model */
                        model?: string | null;
                        speaker: string;
                        id?: string | null;
                    }[] | null;
                    description?: string | null;
                    avatar?: (string | null) | components["schemas"]["Media"];
                    avatarUrl?: string | null;
                };
            };
        };
        /** @description Character */
        CharacterPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story?: string;
                    /** @description e.g. narrator, crow */
                    slug?: string;
                    name?: string;
                    /** @description e.g. warm_elderly */
                    voiceProfile?: string;
                    /** @description Sarvam Bulbul speaker, e.g. meera */
                    bulbulSpeaker?: string;
                    displayOrder?: number | null;
                    /** @description Speaker per language where it differs from the Bulbul speaker above; with a model, only when that model voices the story. */
                    voiceCast?: {
                        /** @enum {string} */
                        locale: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                        /** @description local, bulbul:v2, bulbul:v3; empty: every model */
                        model?: string | null;
                        speaker: string;
                        id?: string | null;
                    }[] | null;
                    description?: string | null;
                    avatar?: (string | null) | components["schemas"]["Media"];
                    avatarUrl?: string | null;
                };
            };
        };
        /** @description Story Node */
        StoryNodeRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story: string;
                    /** @enum {string} */
                    nodeType: "narration" | "dialogue" | "choice" | "end";
                    displayOrder: number;
                    isStart?: boolean | null;
                    isEnd?: boolean | null;
                    /** @description ID of the characters */
                    character?: string;
                    textContent: string;
                    metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
                    choices?: {
                        docs?: (string | components["schemas"]["StoryChoice"])[];
                        hasNextPage?: boolean;
                        totalDocs?: number;
                    };
                    /** @description Who saved this last (set automatically). */
                    editedBy?: string | null;
                };
            };
        };
        /** @description Story Node */
        StoryNodePatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story?: string;
                    /** @enum {string} */
                    nodeType?: "narration" | "dialogue" | "choice" | "end";
                    displayOrder?: number;
                    isStart?: boolean | null;
                    isEnd?: boolean | null;
                    /** @description ID of the characters */
                    character?: string;
                    textContent?: string;
                    metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
                    choices?: {
                        docs?: (string | components["schemas"]["StoryChoice"])[];
                        hasNextPage?: boolean;
                        totalDocs?: number;
                    };
                    /** @description Who saved this last (set automatically). */
                    editedBy?: string | null;
                };
            };
        };
        /** @description Story Choice */
        StoryChoiceRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the story-nodes */
                    node: string;
                    /** @description ID of the stories */
                    story?: string;
                    /** @description 'A', 'B', 'C' */
                    choiceKey: string;
                    isDefault?: boolean | null;
                    textContent: string;
                    /** @description ID of the story-nodes */
                    nextNode?: string;
                    metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
                    /** @description Who saved this last (set automatically). */
                    editedBy?: string | null;
                };
            };
        };
        /** @description Story Choice */
        StoryChoicePatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the story-nodes */
                    node?: string;
                    /** @description ID of the stories */
                    story?: string;
                    /** @description 'A', 'B', 'C' */
                    choiceKey?: string;
                    isDefault?: boolean | null;
                    textContent?: string;
                    /** @description ID of the story-nodes */
                    nextNode?: string;
                    metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
                    /** @description Who saved this last (set automatically). */
                    editedBy?: string | null;
                };
            };
        };
        /** @description Media */
        MediaRequestBody: {
            content: {
                "application/json": {
                    alt: string;
                    prefix?: string | null;
                    _objectKey?: string | null;
                    url?: string | null;
                    thumbnailURL?: string | null;
                    filename?: string | null;
                    mimeType?: string | null;
                    filesize?: number | null;
                    width?: number | null;
                    height?: number | null;
                    focalX?: number | null;
                    focalY?: number | null;
                    sizes?: {
                        thumbnail?: {
                            url?: string | null;
                            width?: number | null;
                            height?: number | null;
                            mimeType?: string | null;
                            filesize?: number | null;
                            filename?: string | null;
                        };
                        card?: {
                            url?: string | null;
                            width?: number | null;
                            height?: number | null;
                            mimeType?: string | null;
                            filesize?: number | null;
                            filename?: string | null;
                        };
                        hero?: {
                            url?: string | null;
                            width?: number | null;
                            height?: number | null;
                            mimeType?: string | null;
                            filesize?: number | null;
                            filename?: string | null;
                        };
                    };
                };
            };
        };
        /** @description Media */
        MediaPatchRequestBody: {
            content: {
                "application/json": {
                    alt?: string;
                    prefix?: string | null;
                    _objectKey?: string | null;
                    url?: string | null;
                    thumbnailURL?: string | null;
                    filename?: string | null;
                    mimeType?: string | null;
                    filesize?: number | null;
                    width?: number | null;
                    height?: number | null;
                    focalX?: number | null;
                    focalY?: number | null;
                    sizes?: {
                        thumbnail?: {
                            url?: string | null;
                            width?: number | null;
                            height?: number | null;
                            mimeType?: string | null;
                            filesize?: number | null;
                            filename?: string | null;
                        };
                        card?: {
                            url?: string | null;
                            width?: number | null;
                            height?: number | null;
                            mimeType?: string | null;
                            filesize?: number | null;
                            filename?: string | null;
                        };
                        hero?: {
                            url?: string | null;
                            width?: number | null;
                            height?: number | null;
                            mimeType?: string | null;
                            filesize?: number | null;
                            filename?: string | null;
                        };
                    };
                };
            };
        };
        /** @description Translation State */
        TranslationStateRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story: string;
                    unitId: string;
                    /** @enum {string} */
                    locale: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                    /** @enum {string} */
                    status: "machine" | "translated" | "approved";
                    sourceHash?: string | null;
                    sourceText?: string | null;
                    targetHash?: string | null;
                    /** @description ID of the editors */
                    updatedBy?: string;
                };
            };
        };
        /** @description Translation State */
        TranslationStatePatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story?: string;
                    unitId?: string;
                    /** @enum {string} */
                    locale?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                    /** @enum {string} */
                    status?: "machine" | "translated" | "approved";
                    sourceHash?: string | null;
                    sourceText?: string | null;
                    targetHash?: string | null;
                    /** @description ID of the editors */
                    updatedBy?: string;
                };
            };
        };
        /** @description Translation Event */
        TranslationEventRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story: string;
                    /** @description Empty for changes of the whole locale. */
                    unitId?: string | null;
                    /** @enum {string} */
                    locale: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                    /** @enum {string} */
                    action: "saved" | "machine" | "approved" | "unapproved" | "cleared" | "publication";
                    fromStatus?: string | null;
                    toStatus?: string | null;
                    /** @description ID of the editors */
                    by?: string;
                };
            };
        };
        /** @description Translation Event */
        TranslationEventPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the stories */
                    story?: string;
                    /** @description Empty for changes of the whole locale. */
                    unitId?: string | null;
                    /** @enum {string} */
                    locale?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                    /** @enum {string} */
                    action?: "saved" | "machine" | "approved" | "unapproved" | "cleared" | "publication";
                    fromStatus?: string | null;
                    toStatus?: string | null;
                    /** @description ID of the editors */
                    by?: string;
                };
            };
        };
        /** @description Audio File */
        AudioFileRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the story-nodes */
                    node: string;
                    /** @description ID of the story-choices */
                    choice?: string;
                    /** @description ID of the stories */
                    story?: string;
                    languageCode: string;
                    /** @description Share of English words in the voiced text (0 = the language alone), measured from the text. */
                    codeMixRatio?: number | null;
                    speakerId: string;
                    /** @description Object key in the bucket (audio/<sha256>.opus). */
                    r2Url: string;
                    fileSize?: number | null;
                    durationSec?: number | null;
                    checksum?: string | null;
                    accessedAt?: string | null;
                    accessCount?: number | null;
                    /** @description sha256 of text, language, speaker, model, provider settings and code-mix ratio. */
                    contentKey?: string | null;
                    provider?: string | null;
                    model?: string | null;
                    /** @description Characters voiced */
                    textChars?: number | null;
                    /** @description Integrated loudness of the decoded file (EBU R128), target -16 LUFS +-1 */
                    loudnessLufs?: number | null;
                    /** @description True peak of the decoded file, at most -1.5 dBTP */
                    truePeakDbtp?: number | null;
                    /** @description The line’s own voice here, from a regeneration on the review screen (empty: the voice cast’s). */
                    lineVoice?: {
                        /** @description Empty: the voice cast’s speaker. */
                        speaker?: string | null;
                        /** @description 1 = normal */
                        pace?: number | null;
                        /** @description Regeneration number */
                        take?: number | null;
                    };
                    /** @description Read-along cues: [{ start, end, text }] per sentence, seconds */
                    cues?: Record<string, never> | unknown[] | string | number | boolean | null;
                    /** @description Where apps play it: the CDN URL, or the counting play endpoint. */
                    url?: string | null;
                    /**
                     * @description A reviewer listened: approved, or rejected with a note. New audio starts pending.
                     * @enum {string|null}
                     */
                    reviewStatus?: "pending" | "approved" | "rejected" | null;
                    reviewedBy?: (string | null) | components["schemas"]["Editor"];
                    reviewedAt?: string | null;
                    /** @description What is wrong with a rejected line (required when rejecting). */
                    reviewNote?: string | null;
                };
            };
        };
        /** @description Audio File */
        AudioFilePatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the story-nodes */
                    node?: string;
                    /** @description ID of the story-choices */
                    choice?: string;
                    /** @description ID of the stories */
                    story?: string;
                    languageCode?: string;
                    /** @description Share of English words in the voiced text (0 = the language alone), measured from the text. */
                    codeMixRatio?: number | null;
                    speakerId?: string;
                    /** @description Object key in the bucket (audio/<sha256>.opus). */
                    r2Url?: string;
                    fileSize?: number | null;
                    durationSec?: number | null;
                    checksum?: string | null;
                    accessedAt?: string | null;
                    accessCount?: number | null;
                    /** @description sha256 of text, language, speaker, model, provider settings and code-mix ratio. */
                    contentKey?: string | null;
                    provider?: string | null;
                    model?: string | null;
                    /** @description Characters voiced */
                    textChars?: number | null;
                    /** @description Integrated loudness of the decoded file (EBU R128), target -16 LUFS +-1 */
                    loudnessLufs?: number | null;
                    /** @description True peak of the decoded file, at most -1.5 dBTP */
                    truePeakDbtp?: number | null;
                    /** @description The line’s own voice here, from a regeneration on the review screen (empty: the voice cast’s). */
                    lineVoice?: {
                        /** @description Empty: the voice cast’s speaker. */
                        speaker?: string | null;
                        /** @description 1 = normal */
                        pace?: number | null;
                        /** @description Regeneration number */
                        take?: number | null;
                    };
                    /** @description Read-along cues: [{ start, end, text }] per sentence, seconds */
                    cues?: Record<string, never> | unknown[] | string | number | boolean | null;
                    /** @description Where apps play it: the CDN URL, or the counting play endpoint. */
                    url?: string | null;
                    /**
                     * @description A reviewer listened: approved, or rejected with a note. New audio starts pending.
                     * @enum {string|null}
                     */
                    reviewStatus?: "pending" | "approved" | "rejected" | null;
                    reviewedBy?: (string | null) | components["schemas"]["Editor"];
                    reviewedAt?: string | null;
                    /** @description What is wrong with a rejected line (required when rejecting). */
                    reviewNote?: string | null;
                };
            };
        };
        /** @description Pronunciation */
        PronunciationRequestBody: {
            content: {
                "application/json": {
                    /** @description As written in the story, e.g. Chintu, डॉ. */
                    term: string;
                    /** @enum {string} */
                    locale: "all" | "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                    /** @description How the voice should say it, e.g. चिंटू, डॉक्टर */
                    spoken: string;
                    note?: string | null;
                };
            };
        };
        /** @description Pronunciation */
        PronunciationPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description As written in the story, e.g. Chintu, डॉ. */
                    term?: string;
                    /** @enum {string} */
                    locale?: "all" | "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                    /** @description How the voice should say it, e.g. चिंटू, डॉक्टर */
                    spoken?: string;
                    note?: string | null;
                };
            };
        };
        /** @description User */
        UserRequestBody: {
            content: {
                "application/json": {
                    anonymousId: string;
                    lastActive?: string | null;
                    preferences?: Record<string, never> | unknown[] | string | number | boolean | null;
                    metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
                    /** @enum {string} */
                    collection: "users";
                };
            };
        };
        /** @description User */
        UserPatchRequestBody: {
            content: {
                "application/json": {
                    anonymousId?: string;
                    lastActive?: string | null;
                    preferences?: Record<string, never> | unknown[] | string | number | boolean | null;
                    metadata?: Record<string, never> | unknown[] | string | number | boolean | null;
                    /** @enum {string} */
                    collection?: "users";
                };
            };
        };
        /** @description User Progress */
        UserProgressRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the users */
                    user: string;
                    /** @description ID of the stories */
                    story: string;
                    /** @description ID of the story-nodes */
                    currentNode?: string;
                    choicesMade?: Record<string, never> | unknown[] | string | number | boolean | null;
                    isCompleted?: boolean | null;
                    completionPercentage?: number | null;
                    playCount?: number | null;
                    totalTimeSec?: number | null;
                    lastPlayedAt?: string | null;
                    /** @description Story engine state (path travelled, bundle version). */
                    listenState?: Record<string, never> | unknown[] | string | number | boolean | null;
                };
            };
        };
        /** @description User Progress */
        UserProgressPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the users */
                    user?: string;
                    /** @description ID of the stories */
                    story?: string;
                    /** @description ID of the story-nodes */
                    currentNode?: string;
                    choicesMade?: Record<string, never> | unknown[] | string | number | boolean | null;
                    isCompleted?: boolean | null;
                    completionPercentage?: number | null;
                    playCount?: number | null;
                    totalTimeSec?: number | null;
                    lastPlayedAt?: string | null;
                    /** @description Story engine state (path travelled, bundle version). */
                    listenState?: Record<string, never> | unknown[] | string | number | boolean | null;
                };
            };
        };
        /** @description Bookmark */
        BookmarkRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the users */
                    user: string;
                    /** @description ID of the stories */
                    story: string;
                    notes?: string | null;
                };
            };
        };
        /** @description Bookmark */
        BookmarkPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the users */
                    user?: string;
                    /** @description ID of the stories */
                    story?: string;
                    notes?: string | null;
                };
            };
        };
        /** @description Analytics Event */
        AnalyticsEventRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the users */
                    user?: string;
                    /** @description ID of the stories */
                    story?: string;
                    /** @description ID of the story-nodes */
                    node?: string;
                    /** @enum {string} */
                    eventType: "page_view" | "story_start" | "story_complete" | "choice_made" | "audio_play" | "audio_pause" | "language_change" | "bookmark_add" | "bookmark_remove";
                    eventData?: Record<string, never> | unknown[] | string | number | boolean | null;
                    sessionId?: string | null;
                    ipAddress?: string | null;
                    userAgent?: string | null;
                };
            };
        };
        /** @description Analytics Event */
        AnalyticsEventPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description ID of the users */
                    user?: string;
                    /** @description ID of the stories */
                    story?: string;
                    /** @description ID of the story-nodes */
                    node?: string;
                    /** @enum {string} */
                    eventType?: "page_view" | "story_start" | "story_complete" | "choice_made" | "audio_play" | "audio_pause" | "language_change" | "bookmark_add" | "bookmark_remove";
                    eventData?: Record<string, never> | unknown[] | string | number | boolean | null;
                    sessionId?: string | null;
                    ipAddress?: string | null;
                    userAgent?: string | null;
                };
            };
        };
        /** @description Editor */
        EditorRequestBody: {
            content: {
                "application/json": {
                    /** @description The one-time setup token printed by npm start (or ADMIN_SETUP_TOKEN). */
                    setupToken?: string | null;
                    name?: string | null;
                    /** @enum {string} */
                    role: "admin" | "editor" | "translator";
                    /** @description Languages a translator may edit. */
                    assignedLocales?: ("en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed")[] | null;
                    /** @description May approve translations in their languages (editors always may). */
                    reviewer?: boolean | null;
                    email: string;
                    sessions?: {
                        id: string;
                        createdAt?: string | null;
                        expiresAt: string;
                    }[] | null;
                    password?: string | null;
                    /** @enum {string} */
                    collection: "editors";
                };
            };
        };
        /** @description Editor */
        EditorPatchRequestBody: {
            content: {
                "application/json": {
                    /** @description The one-time setup token printed by npm start (or ADMIN_SETUP_TOKEN). */
                    setupToken?: string | null;
                    name?: string | null;
                    /** @enum {string} */
                    role?: "admin" | "editor" | "translator";
                    /** @description Languages a translator may edit. */
                    assignedLocales?: ("en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed")[] | null;
                    /** @description May approve translations in their languages (editors always may). */
                    reviewer?: boolean | null;
                    email?: string;
                    sessions?: {
                        id: string;
                        createdAt?: string | null;
                        expiresAt: string;
                    }[] | null;
                    password?: string | null;
                    /** @enum {string} */
                    collection?: "editors";
                };
            };
        };
        /** @description Credentials of the Editor to log in */
        EditorLoginRequestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        /** @description Identifier of the Editor to send a reset token to */
        EditorForgotPasswordRequestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        /** @description Reset token and new password for the Editor */
        EditorResetPasswordRequestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        /** @description Identifier of the Editor to unlock */
        EditorUnlockRequestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
    };
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listStories: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "slug" | "-slug" | "title" | "-title" | "coverImage" | "-coverImage" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["StoryQueryOperations"] | components["schemas"]["StoryQueryOperationsAnd"] | components["schemas"]["StoryQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StoryListResponse"];
        };
    };
    createStory: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["StoryRequestBody"];
        responses: {
            201: components["responses"]["MutateStoryResponse"];
        };
    };
    findStoryById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateStoryResponse"];
        };
    };
    deleteStory: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StoryResponse"];
            404: components["responses"]["StoryNotFoundResponse"];
        };
    };
    updateStory: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["StoryPatchRequestBody"];
        responses: {
            200: components["responses"]["StoryResponse"];
            404: components["responses"]["StoryNotFoundResponse"];
        };
    };
    listStoryTranslations: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "languageCode" | "-languageCode" | "title" | "-title" | "storySlug" | "-storySlug" | "version" | "-version" | "bundleUrl" | "-bundleUrl" | "voices" | "-voices" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["StoryTranslationQueryOperations"] | components["schemas"]["StoryTranslationQueryOperationsAnd"] | components["schemas"]["StoryTranslationQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StoryTranslationListResponse"];
        };
    };
    createStoryTranslation: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["StoryTranslationRequestBody"];
        responses: {
            201: components["responses"]["MutateStoryTranslationResponse"];
        };
    };
    findStoryTranslationById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Translation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateStoryTranslationResponse"];
        };
    };
    deleteStoryTranslation: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Translation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StoryTranslationResponse"];
            404: components["responses"]["StoryTranslationNotFoundResponse"];
        };
    };
    updateStoryTranslation: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Translation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["StoryTranslationPatchRequestBody"];
        responses: {
            200: components["responses"]["StoryTranslationResponse"];
            404: components["responses"]["StoryTranslationNotFoundResponse"];
        };
    };
    listCharacters: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "avatarUrl" | "-avatarUrl" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["CharacterQueryOperations"] | components["schemas"]["CharacterQueryOperationsAnd"] | components["schemas"]["CharacterQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CharacterListResponse"];
        };
    };
    createCharacter: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["CharacterRequestBody"];
        responses: {
            201: components["responses"]["MutateCharacterResponse"];
        };
    };
    findCharacterById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Character */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateCharacterResponse"];
        };
    };
    deleteCharacter: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Character */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CharacterResponse"];
            404: components["responses"]["CharacterNotFoundResponse"];
        };
    };
    updateCharacter: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Character */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["CharacterPatchRequestBody"];
        responses: {
            200: components["responses"]["CharacterResponse"];
            404: components["responses"]["CharacterNotFoundResponse"];
        };
    };
    listStoryNodes: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "editedBy" | "-editedBy" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["StoryNodeQueryOperations"] | components["schemas"]["StoryNodeQueryOperationsAnd"] | components["schemas"]["StoryNodeQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StoryNodeListResponse"];
        };
    };
    createStoryNode: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["StoryNodeRequestBody"];
        responses: {
            201: components["responses"]["MutateStoryNodeResponse"];
        };
    };
    findStoryNodeById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Node */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateStoryNodeResponse"];
        };
    };
    deleteStoryNode: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Node */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StoryNodeResponse"];
            404: components["responses"]["StoryNodeNotFoundResponse"];
        };
    };
    updateStoryNode: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Node */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["StoryNodePatchRequestBody"];
        responses: {
            200: components["responses"]["StoryNodeResponse"];
            404: components["responses"]["StoryNodeNotFoundResponse"];
        };
    };
    listStoryChoices: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "editedBy" | "-editedBy" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["StoryChoiceQueryOperations"] | components["schemas"]["StoryChoiceQueryOperationsAnd"] | components["schemas"]["StoryChoiceQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StoryChoiceListResponse"];
        };
    };
    createStoryChoice: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["StoryChoiceRequestBody"];
        responses: {
            201: components["responses"]["MutateStoryChoiceResponse"];
        };
    };
    findStoryChoiceById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Choice */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateStoryChoiceResponse"];
        };
    };
    deleteStoryChoice: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Choice */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StoryChoiceResponse"];
            404: components["responses"]["StoryChoiceNotFoundResponse"];
        };
    };
    updateStoryChoice: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Story Choice */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["StoryChoicePatchRequestBody"];
        responses: {
            200: components["responses"]["StoryChoiceResponse"];
            404: components["responses"]["StoryChoiceNotFoundResponse"];
        };
    };
    listMedia: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "alt" | "-alt" | "prefix" | "-prefix" | "_objectKey" | "-_objectKey" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt" | "url" | "-url" | "thumbnailURL" | "-thumbnailURL" | "filename" | "-filename" | "mimeType" | "-mimeType" | "filesize" | "-filesize" | "width" | "-width" | "height" | "-height" | "focalX" | "-focalX" | "focalY" | "-focalY";
                where?: Record<string, never> & (components["schemas"]["MediaQueryOperations"] | components["schemas"]["MediaQueryOperationsAnd"] | components["schemas"]["MediaQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MediaListResponse"];
        };
    };
    createMedia: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["MediaRequestBody"];
        responses: {
            201: components["responses"]["MutateMediaResponse"];
        };
    };
    findMediaById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Media */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateMediaResponse"];
        };
    };
    deleteMedia: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Media */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MediaResponse"];
            404: components["responses"]["MediaNotFoundResponse"];
        };
    };
    updateMedia: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Media */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["MediaPatchRequestBody"];
        responses: {
            200: components["responses"]["MediaResponse"];
            404: components["responses"]["MediaNotFoundResponse"];
        };
    };
    listTranslationStates: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "unitId" | "-unitId" | "sourceHash" | "-sourceHash" | "targetHash" | "-targetHash" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["TranslationStateQueryOperations"] | components["schemas"]["TranslationStateQueryOperationsAnd"] | components["schemas"]["TranslationStateQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TranslationStateListResponse"];
        };
    };
    createTranslationState: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["TranslationStateRequestBody"];
        responses: {
            201: components["responses"]["MutateTranslationStateResponse"];
        };
    };
    findTranslationStateById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Translation State */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateTranslationStateResponse"];
        };
    };
    deleteTranslationState: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Translation State */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TranslationStateResponse"];
            404: components["responses"]["TranslationStateNotFoundResponse"];
        };
    };
    updateTranslationState: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Translation State */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["TranslationStatePatchRequestBody"];
        responses: {
            200: components["responses"]["TranslationStateResponse"];
            404: components["responses"]["TranslationStateNotFoundResponse"];
        };
    };
    listTranslationEvents: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "unitId" | "-unitId" | "fromStatus" | "-fromStatus" | "toStatus" | "-toStatus" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["TranslationEventQueryOperations"] | components["schemas"]["TranslationEventQueryOperationsAnd"] | components["schemas"]["TranslationEventQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TranslationEventListResponse"];
        };
    };
    createTranslationEvent: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["TranslationEventRequestBody"];
        responses: {
            201: components["responses"]["MutateTranslationEventResponse"];
        };
    };
    findTranslationEventById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Translation Event */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateTranslationEventResponse"];
        };
    };
    deleteTranslationEvent: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Translation Event */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TranslationEventResponse"];
            404: components["responses"]["TranslationEventNotFoundResponse"];
        };
    };
    updateTranslationEvent: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Translation Event */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["TranslationEventPatchRequestBody"];
        responses: {
            200: components["responses"]["TranslationEventResponse"];
            404: components["responses"]["TranslationEventNotFoundResponse"];
        };
    };
    listAudioFiles: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "languageCode" | "-languageCode" | "codeMixRatio" | "-codeMixRatio" | "speakerId" | "-speakerId" | "r2Url" | "-r2Url" | "fileSize" | "-fileSize" | "durationSec" | "-durationSec" | "checksum" | "-checksum" | "accessedAt" | "-accessedAt" | "accessCount" | "-accessCount" | "contentKey" | "-contentKey" | "url" | "-url" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["AudioFileQueryOperations"] | components["schemas"]["AudioFileQueryOperationsAnd"] | components["schemas"]["AudioFileQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AudioFileListResponse"];
        };
    };
    createAudioFile: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["AudioFileRequestBody"];
        responses: {
            201: components["responses"]["MutateAudioFileResponse"];
        };
    };
    findAudioFileById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Audio File */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateAudioFileResponse"];
        };
    };
    deleteAudioFile: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Audio File */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AudioFileResponse"];
            404: components["responses"]["AudioFileNotFoundResponse"];
        };
    };
    updateAudioFile: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Audio File */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["AudioFilePatchRequestBody"];
        responses: {
            200: components["responses"]["AudioFileResponse"];
            404: components["responses"]["AudioFileNotFoundResponse"];
        };
    };
    listPronunciations: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "spoken" | "-spoken" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["PronunciationQueryOperations"] | components["schemas"]["PronunciationQueryOperationsAnd"] | components["schemas"]["PronunciationQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PronunciationListResponse"];
        };
    };
    createPronunciation: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["PronunciationRequestBody"];
        responses: {
            201: components["responses"]["MutatePronunciationResponse"];
        };
    };
    findPronunciationById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Pronunciation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutatePronunciationResponse"];
        };
    };
    deletePronunciation: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Pronunciation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PronunciationResponse"];
            404: components["responses"]["PronunciationNotFoundResponse"];
        };
    };
    updatePronunciation: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Pronunciation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["PronunciationPatchRequestBody"];
        responses: {
            200: components["responses"]["PronunciationResponse"];
            404: components["responses"]["PronunciationNotFoundResponse"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "anonymousId" | "-anonymousId" | "lastActive" | "-lastActive" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["UserQueryOperations"] | components["schemas"]["UserQueryOperationsAnd"] | components["schemas"]["UserQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserListResponse"];
        };
    };
    createUser: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["UserRequestBody"];
        responses: {
            201: components["responses"]["MutateUserResponse"];
        };
    };
    findUserById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the User */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateUserResponse"];
        };
    };
    deleteUser: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the User */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserResponse"];
            404: components["responses"]["UserNotFoundResponse"];
        };
    };
    updateUser: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the User */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["UserPatchRequestBody"];
        responses: {
            200: components["responses"]["UserResponse"];
            404: components["responses"]["UserNotFoundResponse"];
        };
    };
    listUserProgresses: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "completionPercentage" | "-completionPercentage" | "playCount" | "-playCount" | "totalTimeSec" | "-totalTimeSec" | "lastPlayedAt" | "-lastPlayedAt" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["UserProgressQueryOperations"] | components["schemas"]["UserProgressQueryOperationsAnd"] | components["schemas"]["UserProgressQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserProgressListResponse"];
        };
    };
    createUserProgress: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["UserProgressRequestBody"];
        responses: {
            201: components["responses"]["MutateUserProgressResponse"];
        };
    };
    findUserProgressById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the User Progress */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateUserProgressResponse"];
        };
    };
    deleteUserProgress: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the User Progress */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserProgressResponse"];
            404: components["responses"]["UserProgressNotFoundResponse"];
        };
    };
    updateUserProgress: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the User Progress */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["UserProgressPatchRequestBody"];
        responses: {
            200: components["responses"]["UserProgressResponse"];
            404: components["responses"]["UserProgressNotFoundResponse"];
        };
    };
    listBookmarks: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["BookmarkQueryOperations"] | components["schemas"]["BookmarkQueryOperationsAnd"] | components["schemas"]["BookmarkQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BookmarkListResponse"];
        };
    };
    createBookmark: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["BookmarkRequestBody"];
        responses: {
            201: components["responses"]["MutateBookmarkResponse"];
        };
    };
    findBookmarkById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Bookmark */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateBookmarkResponse"];
        };
    };
    deleteBookmark: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Bookmark */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BookmarkResponse"];
            404: components["responses"]["BookmarkNotFoundResponse"];
        };
    };
    updateBookmark: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Bookmark */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["BookmarkPatchRequestBody"];
        responses: {
            200: components["responses"]["BookmarkResponse"];
            404: components["responses"]["BookmarkNotFoundResponse"];
        };
    };
    listAnalyticsEvents: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "sessionId" | "-sessionId" | "ipAddress" | "-ipAddress" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt";
                where?: Record<string, never> & (components["schemas"]["AnalyticsEventQueryOperations"] | components["schemas"]["AnalyticsEventQueryOperationsAnd"] | components["schemas"]["AnalyticsEventQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AnalyticsEventListResponse"];
        };
    };
    createAnalyticsEvent: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["AnalyticsEventRequestBody"];
        responses: {
            201: components["responses"]["MutateAnalyticsEventResponse"];
        };
    };
    findAnalyticsEventById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Analytics Event */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateAnalyticsEventResponse"];
        };
    };
    deleteAnalyticsEvent: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Analytics Event */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AnalyticsEventResponse"];
            404: components["responses"]["AnalyticsEventNotFoundResponse"];
        };
    };
    updateAnalyticsEvent: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Analytics Event */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["AnalyticsEventPatchRequestBody"];
        responses: {
            200: components["responses"]["AnalyticsEventResponse"];
            404: components["responses"]["AnalyticsEventNotFoundResponse"];
        };
    };
    listEditors: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
                sort?: "setupToken" | "-setupToken" | "name" | "-name" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt" | "email" | "-email" | "resetPasswordToken" | "-resetPasswordToken" | "resetPasswordExpiration" | "-resetPasswordExpiration" | "salt" | "-salt" | "hash" | "-hash" | "resetPasswordRequestedAt" | "-resetPasswordRequestedAt" | "loginAttempts" | "-loginAttempts" | "lockUntil" | "-lockUntil";
                where?: Record<string, never> & (components["schemas"]["EditorQueryOperations"] | components["schemas"]["EditorQueryOperationsAnd"] | components["schemas"]["EditorQueryOperationsOr"]);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EditorListResponse"];
        };
    };
    createEditor: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["EditorRequestBody"];
        responses: {
            201: components["responses"]["MutateEditorResponse"];
        };
    };
    findEditorById: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Editor */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MutateEditorResponse"];
        };
    };
    deleteEditor: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Editor */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EditorResponse"];
            404: components["responses"]["EditorNotFoundResponse"];
        };
    };
    updateEditor: {
        parameters: {
            query?: {
                depth?: number;
                locale?: string;
                "fallback-locale"?: string;
            };
            header?: never;
            path: {
                /** @description ID of the Editor */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["EditorPatchRequestBody"];
        responses: {
            200: components["responses"]["EditorResponse"];
            404: components["responses"]["EditorNotFoundResponse"];
        };
    };
    logoutUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AuthMessageResponse"];
        };
    };
    getSignedInListener: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The listener. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListenerResponse"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteListener: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateListenerPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateListenerPreferencesBody"];
            };
        };
        responses: {
            /** @description The listener. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListenerResponse"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    refreshTokenUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserRefreshTokenResponse"];
        };
    };
    initUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AuthInitResponse"];
        };
    };
    loginEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EditorLoginRequestBody"];
        responses: {
            200: components["responses"]["EditorLoginResponse"];
        };
    };
    forgotPasswordEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EditorForgotPasswordRequestBody"];
        responses: {
            200: components["responses"]["AuthMessageResponse"];
        };
    };
    resetPasswordEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EditorResetPasswordRequestBody"];
        responses: {
            200: components["responses"]["EditorResetPasswordResponse"];
        };
    };
    firstRegisterEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["EditorRequestBody"];
        responses: {
            200: components["responses"]["EditorLoginResponse"];
        };
    };
    unlockEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EditorUnlockRequestBody"];
        responses: {
            200: components["responses"]["AuthMessageResponse"];
        };
    };
    logoutEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AuthMessageResponse"];
        };
    };
    meEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EditorMeResponse"];
        };
    };
    refreshTokenEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EditorRefreshTokenResponse"];
        };
    };
    initEditor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AuthInitResponse"];
        };
    };
    access: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AuthAccessResponse"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetHealth200"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready (or degraded: a replica is down or lagging, reads go to the primary). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetReadiness200"];
                };
            };
            /** @description Not ready; `failing` names the parts (Retry-After: 5). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetReadiness200"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description No METRICS_TOKEN and no staff sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStoryBundle: {
        parameters: {
            query?: {
                locale?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
            };
            header?: never;
            path: {
                /** @description The story slug, e.g. clever-crow. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bundle. */
            200: {
                headers: {
                    /** @description The bundle version, quoted. */
                    ETag?: string;
                    /** @description Immutable copy of this version in object storage. */
                    "X-Bundle-Url"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoryBundle"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown locale (field locale; the message lists the valid ones). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No active story with this slug. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStoryCatalog: {
        parameters: {
            query?: {
                locale?: "en" | "hi" | "bn" | "ta" | "te" | "kn" | "ml" | "mr" | "gu" | "pa" | "od" | "hi-mixed";
                /** @description Age range, e.g. 4-6 */
                age?: string;
                region?: string;
                page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of story cards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogPage"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    validateStory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationReport"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStoryStudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Studio data. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetStoryStudio200"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStoryDraftBundle: {
        parameters: {
            query?: {
                /** @description Locale code (default en). */
                locale?: string;
            };
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bundle (same format as the public bundle). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoryBundle"];
                };
            };
            /** @description Unknown locale (field locale). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    generateStoryAudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["GenerateStoryAudioBody"];
            };
        };
        responses: {
            /** @description What was queued, and the story’s audio status. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudioEnqueued"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStoryAudioStatus: {
        parameters: {
            query?: {
                /** @description Comma-separated locale codes (default: all). */
                locales?: string;
            };
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoryAudioStatus"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    playAudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The audio file id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the object (CDN URL or a signed URL). */
            302: {
                headers: {
                    /** @description The audio object. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such audio, or its story is not active. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    regenerateAudio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rejected audio file id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RegenerateAudioBody"];
            };
        };
        responses: {
            /** @description The one job queued for the line; when it has run the file holds the new audio, pending review. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegenerateAudio202"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such audio file. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The line is not rejected, or its regeneration is already queued. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A translator asked for more takes of the line than AUDIO_TRANSLATOR_MAX_TAKES allows (each is billed with a paid provider); an editor can still regenerate it. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signInAnonymous: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInAnonymousBody"];
            };
        };
        responses: {
            /** @description An existing listener. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListenerSignIn"];
                };
            };
            /** @description A new listener. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListenerSignIn"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyProgress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Progress, most recently played first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressList"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    progressStart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story slug, e.g. clever-crow. */
                storySlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProgressStartBody"];
            };
        };
        responses: {
            /** @description The listener’s progress after the move. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressResponse"];
                };
            };
            /** @description Invalid body, or an unknown option (code unknown-choice). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description The move is not legal now (not the current node, story ended or inactive, not started); nothing was written. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description Rate limited. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    progressAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story slug, e.g. clever-crow. */
                storySlug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressAdvanceBody"];
            };
        };
        responses: {
            /** @description The listener’s progress after the move. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressResponse"];
                };
            };
            /** @description Invalid body, or an unknown option (code unknown-choice). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description The move is not legal now (not the current node, story ended or inactive, not started); nothing was written. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description Rate limited. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    progressChoose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story slug, e.g. clever-crow. */
                storySlug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressChooseBody"];
            };
        };
        responses: {
            /** @description The listener’s progress after the move. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressResponse"];
                };
            };
            /** @description Invalid body, or an unknown option (code unknown-choice). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description The move is not legal now (not the current node, story ended or inactive, not started); nothing was written. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressMoveError"];
                };
            };
            /** @description Rate limited. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyBookmarks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bookmarks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookmarkList"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addStoryBookmark: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story slug, e.g. clever-crow. */
                storySlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AddStoryBookmarkBody"];
            };
        };
        responses: {
            /** @description The existing bookmark. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookmarkAdded"];
                };
            };
            /** @description The new bookmark. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookmarkAdded"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No active story with this slug. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeStoryBookmark: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story slug, e.g. clever-crow. */
                storySlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bookmark on this story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendAnalyticsEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendAnalyticsEventsBody"];
            };
        };
        responses: {
            /** @description Accepted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsAccepted"];
                };
            };
            /** @description Every bad event, by index (events.<i>.<field>). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsBatchError"];
                };
            };
            /** @description No valid listener token (WWW-Authenticate: Bearer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A story or node of the batch was deleted while it was written; send it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body larger than 1 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getListenerDashboard: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The aggregates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListenerDashboard"];
                };
            };
            /** @description Invalid input: every problem with the path of its field (`field`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTranslationStatus: {
        parameters: {
            query: {
                /** @description A content locale code, e.g. ta (400 naming `locale` when unknown). */
                locale: string;
                /** @description Also answer every unit’s own text in this locale (`shownSource`), e.g. to show Hindi beside Tamil. */
                source?: string;
            };
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The units and the locale’s counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetTranslationStatus200"];
                };
            };
            /** @description Invalid input: a missing or unknown locale, or a bad body field (`field` names it). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reviewTranslation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewTranslationBody"];
            };
        };
        responses: {
            /** @description How many units changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewTranslation200"];
                };
            };
            /** @description Invalid body, an unknown unit or a unit without text (`field` units). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setLocalePublication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetLocalePublicationBody"];
            };
        };
        responses: {
            /** @description The previous and the new state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetLocalePublication200"];
                };
            };
            /** @description Invalid body, or the story’s source locale (`field` locale). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The locale is not ready: every missing, stale, machine-drafted, unapproved or unvoiced unit is named. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetLocalePublication409"];
                };
            };
        };
    };
    getTranslationHistory: {
        parameters: {
            query: {
                /** @description A content locale code, e.g. ta (400 naming `locale` when unknown). */
                locale: string;
                /** @description Only this unit’s history. */
                unit?: string;
            };
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up to 200 events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetTranslationHistory200"];
                };
            };
            /** @description Invalid input: a missing or unknown locale, or a bad body field (`field` names it). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportTranslation: {
        parameters: {
            query: {
                /** @description A content locale code, e.g. ta (400 naming `locale` when unknown). */
                locale: string;
                /** @description xliff (XLIFF 2.0, default) or csv (id, kind, speaker, source, target, status). */
                format?: "xliff" | "csv";
            };
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file (Content-Disposition: attachment). CSV is text/csv with the same columns. */
            200: {
                headers: {
                    /** @description attachment; filename="<story>.<tag>.xlf|csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/xliff+xml": string;
                };
            };
            /** @description Invalid input: a missing or unknown locale, or a bad body field (`field` names it). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importTranslation: {
        parameters: {
            query: {
                /** @description A content locale code, e.g. ta (400 naming `locale` when unknown). */
                locale: string;
                /** @description xliff (XLIFF 2.0, default) or csv (id, kind, speaker, source, target, status). */
                format?: "xliff" | "csv";
            };
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was written and what was not. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportTranslation200"];
                };
            };
            /** @description A malformed file, a duplicate unit, another language (`field` file), or a bad locale/format. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file is larger than 2 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    draftTranslationWithMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The story id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftTranslationWithMachineBody"];
            };
        };
        responses: {
            /** @description The drafted units. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftTranslationWithMachine200"];
                };
            };
            /** @description Invalid body, units that are unknown, have no source or have a person’s translation (`field` units). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (401), or not a translator of this locale / not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such story. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Sarvam failed after retries; nothing was written. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Machine translation is not set up (no SARVAM_API_KEY). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTranslationDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetTranslationDashboard200"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in as staff (401) or not allowed (403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
