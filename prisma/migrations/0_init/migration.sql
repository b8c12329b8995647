-- Baseline of the legacy production schema as that database has it (Prisma's baselining workflow for an
-- existing database). References between tables are plain INT columns without FOREIGN KEYs, as in production;
-- only the indexes production has are declared. Must run unchanged on MySQL 8.4 and MariaDB 10.11.

-- CreateTable
CREATE TABLE `customers` (
    `Customer_ID` INT NOT NULL AUTO_INCREMENT,
    `First_Name` VARCHAR(100) NOT NULL,
    `Last_Name` VARCHAR(100) NOT NULL,
    `Email` VARCHAR(191) NULL,
    `Phone` VARCHAR(32) NULL,
    `Password` VARCHAR(255) NULL,
    `Photo` VARCHAR(255) NULL,
    `Gender` ENUM('Male', 'Female') NULL,
    `Birth_Date` DATE NULL,
    `Language` ENUM('ar', 'en') NOT NULL DEFAULT 'ar',
    `Verified_Status` ENUM('Verified', 'Unverified') NOT NULL DEFAULT 'Unverified',
    `Account_Status` ENUM('Active', 'Disabled') NOT NULL DEFAULT 'Active',
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    UNIQUE INDEX `customers_Email_key`(`Email`),
    UNIQUE INDEX `customers_Phone_key`(`Phone`),
    PRIMARY KEY (`Customer_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultants` (
    `Consultant_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Category_ID` INT NULL,
    `Branch_ID` INT NULL,
    `Title_Ar` VARCHAR(191) NULL,
    `Title_En` VARCHAR(191) NULL,
    `Bio_Ar` TEXT NULL,
    `Bio_En` TEXT NULL,
    `Photo` VARCHAR(255) NULL,
    `Price` DECIMAL(10, 2) NULL,
    `Rating` DECIMAL(3, 2) NOT NULL DEFAULT 0.00,
    `Rating_Count` INT NOT NULL DEFAULT 0,
    `Online_Status` TINYINT(1) NOT NULL DEFAULT 0,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Consultant_Status` ENUM('Active', 'Disabled') NOT NULL DEFAULT 'Active',
    `Verified_Status` ENUM('Verified', 'Unverified') NOT NULL DEFAULT 'Unverified',
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    UNIQUE INDEX `consultants_Customer_ID_key`(`Customer_ID`),
    INDEX `consultants_Category_ID_idx`(`Category_ID`),
    INDEX `consultants_Branch_ID_idx`(`Branch_ID`),
    INDEX `consultants_Consultant_Status_Order_In_List_idx`(`Consultant_Status`, `Order_In_List`),
    PRIMARY KEY (`Consultant_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultations_orders` (
    `Order_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Category_ID` INT NULL,
    `Order_Status` ENUM('Pending', 'Approved', 'Rejected') NOT NULL DEFAULT 'Pending',
    `Notes` TEXT NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultations_orders_Customer_ID_idx`(`Customer_ID`),
    PRIMARY KEY (`Order_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultant_contract` (
    `Contract_ID` INT NOT NULL AUTO_INCREMENT,
    `Consultant_ID` INT NOT NULL,
    `Start_Date` DATE NOT NULL,
    `End_Date` DATE NOT NULL,
    `Commission_Rate` DECIMAL(5, 2) NOT NULL,
    `Terms` TEXT NULL,
    `Contract_File` VARCHAR(255) NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultant_contract_Consultant_ID_idx`(`Consultant_ID`),
    PRIMARY KEY (`Contract_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultant_licenses` (
    `License_ID` INT NOT NULL AUTO_INCREMENT,
    `Consultant_ID` INT NOT NULL,
    `License_Number` VARCHAR(100) NOT NULL,
    `Issuer` VARCHAR(191) NULL,
    `Issue_Date` DATE NULL,
    `Expiry_Date` DATE NOT NULL,
    `License_File` VARCHAR(255) NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultant_licenses_Consultant_ID_idx`(`Consultant_ID`),
    PRIMARY KEY (`License_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultant_schedules` (
    `Schedule_ID` INT NOT NULL AUTO_INCREMENT,
    `Consultant_ID` INT NOT NULL,
    `Day_Of_Week` TINYINT NOT NULL,
    `Start_Time` TIME NOT NULL,
    `End_Time` TIME NOT NULL,
    `Slot_Minutes` SMALLINT NOT NULL DEFAULT 30,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultant_schedules_Consultant_ID_Day_Of_Week_idx`(`Consultant_ID`, `Day_Of_Week`),
    PRIMARY KEY (`Schedule_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `appointments` (
    `Appointment_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Consultant_ID` INT NOT NULL,
    `Service_Category_ID` INT NULL,
    `Appointment_Date` DATETIME NOT NULL,
    `Duration_Minutes` SMALLINT NOT NULL DEFAULT 30,
    `Appointment_Status` ENUM('Pending', 'Confirmed', 'Completed', 'Cancelled', 'NoShow') NOT NULL DEFAULT 'Pending',
    `Price` DECIMAL(10, 2) NULL,
    `Notes` TEXT NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `appointments_Consultant_ID_Appointment_Date_idx`(`Consultant_ID`, `Appointment_Date`),
    INDEX `appointments_Customer_ID_idx`(`Customer_ID`),
    PRIMARY KEY (`Appointment_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultations_categories` (
    `Category_ID` INT NOT NULL AUTO_INCREMENT,
    `Name_Ar` VARCHAR(191) NOT NULL,
    `Name_En` VARCHAR(191) NOT NULL,
    `Description_Ar` TEXT NULL,
    `Description_En` TEXT NULL,
    `Image` VARCHAR(255) NULL,
    `Icon` VARCHAR(255) NULL,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `consultations_categories_Is_Active_Order_In_List_idx`(`Is_Active`, `Order_In_List`),
    PRIMARY KEY (`Category_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `services_categories` (
    `Service_Category_ID` INT NOT NULL AUTO_INCREMENT,
    `Category_ID` INT NULL,
    `Name_Ar` VARCHAR(191) NOT NULL,
    `Name_En` VARCHAR(191) NOT NULL,
    `Description_Ar` TEXT NULL,
    `Description_En` TEXT NULL,
    `Image` VARCHAR(255) NULL,
    `Icon` VARCHAR(255) NULL,
    `Price` DECIMAL(10, 2) NULL,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `services_categories_Category_ID_idx`(`Category_ID`),
    INDEX `services_categories_Is_Active_Order_In_List_idx`(`Is_Active`, `Order_In_List`),
    PRIMARY KEY (`Service_Category_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `branches` (
    `Branch_ID` INT NOT NULL AUTO_INCREMENT,
    `Name_Ar` VARCHAR(191) NOT NULL,
    `Name_En` VARCHAR(191) NOT NULL,
    `Address_Ar` VARCHAR(255) NULL,
    `Address_En` VARCHAR(255) NULL,
    `City_Ar` VARCHAR(100) NULL,
    `City_En` VARCHAR(100) NULL,
    `Phone` VARCHAR(32) NULL,
    `Latitude` DECIMAL(10, 7) NULL,
    `Longitude` DECIMAL(10, 7) NULL,
    `Image` VARCHAR(255) NULL,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `branches_Is_Active_Order_In_List_idx`(`Is_Active`, `Order_In_List`),
    PRIMARY KEY (`Branch_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `reviews` (
    `Review_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Consultant_ID` INT NOT NULL,
    `Appointment_ID` INT NULL,
    `Rating` TINYINT NOT NULL,
    `Comment` TEXT NULL,
    `Review_Status` ENUM('Visible', 'Hidden') NOT NULL DEFAULT 'Visible',
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `reviews_Consultant_ID_idx`(`Consultant_ID`),
    INDEX `reviews_Customer_ID_idx`(`Customer_ID`),
    PRIMARY KEY (`Review_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `articles` (
    `Article_ID` INT NOT NULL AUTO_INCREMENT,
    `Category_ID` INT NOT NULL,
    `Author_Consultant_ID` INT NULL,
    `Title_Ar` VARCHAR(191) NOT NULL,
    `Title_En` VARCHAR(191) NOT NULL,
    `Body_Ar` LONGTEXT NULL,
    `Body_En` LONGTEXT NULL,
    `Image` VARCHAR(255) NULL,
    `Publish_Status` ENUM('Draft', 'Published', 'Archived') NOT NULL DEFAULT 'Draft',
    `Published_at` DATETIME NULL,
    `Views_Count` INT NOT NULL DEFAULT 0,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `articles_Category_ID_idx`(`Category_ID`),
    INDEX `articles_Author_Consultant_ID_idx`(`Author_Consultant_ID`),
    INDEX `articles_Publish_Status_Published_at_idx`(`Publish_Status`, `Published_at`),
    PRIMARY KEY (`Article_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `careers` (
    `Career_ID` INT NOT NULL AUTO_INCREMENT,
    `Branch_ID` INT NULL,
    `Title_Ar` VARCHAR(191) NOT NULL,
    `Title_En` VARCHAR(191) NOT NULL,
    `Description_Ar` TEXT NULL,
    `Description_En` TEXT NULL,
    `Employment_Type` ENUM('FullTime', 'PartTime', 'Contract', 'Internship') NOT NULL DEFAULT 'FullTime',
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Closing_Date` DATE NULL,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `careers_Branch_ID_idx`(`Branch_ID`),
    INDEX `careers_Is_Active_Order_In_List_idx`(`Is_Active`, `Order_In_List`),
    PRIMARY KEY (`Career_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `career_applications` (
    `Application_ID` INT NOT NULL AUTO_INCREMENT,
    `Career_ID` INT NOT NULL,
    `Customer_ID` INT NULL,
    `Full_Name` VARCHAR(191) NOT NULL,
    `Email` VARCHAR(191) NOT NULL,
    `Phone` VARCHAR(32) NOT NULL,
    `CV_File` VARCHAR(255) NULL,
    `Cover_Letter` TEXT NULL,
    `Application_Status` ENUM('Received', 'Reviewing', 'Rejected', 'Accepted') NOT NULL DEFAULT 'Received',
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `career_applications_Career_ID_idx`(`Career_ID`),
    INDEX `career_applications_Customer_ID_idx`(`Customer_ID`),
    PRIMARY KEY (`Application_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `collections` (
    `Collection_ID` INT NOT NULL AUTO_INCREMENT,
    `Name_Ar` VARCHAR(191) NOT NULL,
    `Name_En` VARCHAR(191) NOT NULL,
    `Description_Ar` TEXT NULL,
    `Description_En` TEXT NULL,
    `Image` VARCHAR(255) NULL,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `collections_Is_Active_Order_In_List_idx`(`Is_Active`, `Order_In_List`),
    PRIMARY KEY (`Collection_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `courses` (
    `Course_ID` INT NOT NULL AUTO_INCREMENT,
    `Collection_ID` INT NOT NULL,
    `Consultant_ID` INT NULL,
    `Title_Ar` VARCHAR(191) NOT NULL,
    `Title_En` VARCHAR(191) NOT NULL,
    `Description_Ar` TEXT NULL,
    `Description_En` TEXT NULL,
    `Image` VARCHAR(255) NULL,
    `Video_URL` VARCHAR(255) NULL,
    `Price` DECIMAL(10, 2) NOT NULL DEFAULT 0.00,
    `Duration_Minutes` INT NOT NULL DEFAULT 0,
    `Order_In_List` INT NOT NULL DEFAULT 0,
    `Is_Active` TINYINT(1) NOT NULL DEFAULT 1,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `courses_Collection_ID_Order_In_List_idx`(`Collection_ID`, `Order_In_List`),
    INDEX `courses_Consultant_ID_idx`(`Consultant_ID`),
    PRIMARY KEY (`Course_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `course_enrollments` (
    `Enrollment_ID` INT NOT NULL AUTO_INCREMENT,
    `Course_ID` INT NOT NULL,
    `Customer_ID` INT NOT NULL,
    `Payment_ID` INT NULL,
    `Enrollment_Status` ENUM('Active', 'Completed', 'Cancelled') NOT NULL DEFAULT 'Active',
    `Progress_Percent` TINYINT NOT NULL DEFAULT 0,
    `Completed_at` DATETIME NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    UNIQUE INDEX `course_enrollments_Customer_ID_Course_ID_key`(`Customer_ID`, `Course_ID`),
    INDEX `course_enrollments_Course_ID_idx`(`Course_ID`),
    PRIMARY KEY (`Enrollment_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `configuration_settings` (
    `Setting_ID` INT NOT NULL AUTO_INCREMENT,
    `Setting_Key` VARCHAR(191) NOT NULL,
    `Setting_Value` TEXT NULL,
    `Description` VARCHAR(255) NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    UNIQUE INDEX `configuration_settings_Setting_Key_key`(`Setting_Key`),
    PRIMARY KEY (`Setting_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `likes` (
    `Like_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Content_Type` ENUM('Article', 'Course', 'Consultant') NOT NULL,
    `Content_ID` INT NOT NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    UNIQUE INDEX `likes_Customer_ID_Content_Type_Content_ID_key`(`Customer_ID`, `Content_Type`, `Content_ID`),
    INDEX `likes_Content_Type_Content_ID_idx`(`Content_Type`, `Content_ID`),
    PRIMARY KEY (`Like_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `favourites` (
    `Favourite_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Content_Type` ENUM('Article', 'Course', 'Consultant') NOT NULL,
    `Content_ID` INT NOT NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    UNIQUE INDEX `favourites_Customer_ID_Content_Type_Content_ID_key`(`Customer_ID`, `Content_Type`, `Content_ID`),
    INDEX `favourites_Content_Type_Content_ID_idx`(`Content_Type`, `Content_ID`),
    PRIMARY KEY (`Favourite_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `views` (
    `View_ID` BIGINT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NULL,
    `Content_Type` ENUM('Article', 'Course', 'Consultant') NOT NULL,
    `Content_ID` INT NOT NULL,
    `IP_Address` VARCHAR(45) NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `views_Content_Type_Content_ID_idx`(`Content_Type`, `Content_ID`),
    INDEX `views_Customer_ID_idx`(`Customer_ID`),
    PRIMARY KEY (`View_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `comments` (
    `Comment_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Content_Type` ENUM('Article', 'Course', 'Consultant') NOT NULL,
    `Content_ID` INT NOT NULL,
    `Parent_Comment_ID` INT NULL,
    `Comment_Text` TEXT NOT NULL,
    `Comment_Status` ENUM('Visible', 'Hidden') NOT NULL DEFAULT 'Visible',
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `comments_Content_Type_Content_ID_idx`(`Content_Type`, `Content_ID`),
    INDEX `comments_Customer_ID_idx`(`Customer_ID`),
    INDEX `comments_Parent_Comment_ID_idx`(`Parent_Comment_ID`),
    PRIMARY KEY (`Comment_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `notifications` (
    `Notification_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Title_Ar` VARCHAR(191) NOT NULL,
    `Title_En` VARCHAR(191) NOT NULL,
    `Body_Ar` TEXT NULL,
    `Body_En` TEXT NULL,
    `Notification_Type` ENUM('General', 'Appointment', 'Order', 'Promotion') NOT NULL DEFAULT 'General',
    `Reference_ID` INT NULL,
    `Is_Read` TINYINT(1) NOT NULL DEFAULT 0,
    `Read_at` DATETIME NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `notifications_Customer_ID_Is_Read_idx`(`Customer_ID`, `Is_Read`),
    PRIMARY KEY (`Notification_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `payments` (
    `Payment_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Appointment_ID` INT NULL,
    `Course_ID` INT NULL,
    `Amount` DECIMAL(10, 2) NOT NULL,
    `Currency` CHAR(3) NOT NULL,
    `Payment_Method` VARCHAR(50) NULL,
    `Payment_Status` ENUM('Pending', 'Paid', 'Failed', 'Refunded') NOT NULL DEFAULT 'Pending',
    `Gateway_Reference` VARCHAR(191) NULL,
    `Paid_at` DATETIME NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `TimeStamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,

    INDEX `payments_Customer_ID_idx`(`Customer_ID`),
    INDEX `payments_Appointment_ID_idx`(`Appointment_ID`),
    INDEX `payments_Gateway_Reference_idx`(`Gateway_Reference`),
    PRIMARY KEY (`Payment_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `customer_tokens` (
    `Token_ID` INT NOT NULL AUTO_INCREMENT,
    `Customer_ID` INT NOT NULL,
    `Token` VARCHAR(255) NOT NULL,
    `Device_Token` VARCHAR(255) NULL,
    `Device_Type` ENUM('ios', 'android', 'web') NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `Expires_at` DATETIME NULL,

    UNIQUE INDEX `customer_tokens_Token_key`(`Token`),
    INDEX `customer_tokens_Customer_ID_idx`(`Customer_ID`),
    INDEX `customer_tokens_Device_Token_idx`(`Device_Token`),
    PRIMARY KEY (`Token_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `otp_codes` (
    `OTP_ID` INT NOT NULL AUTO_INCREMENT,
    `Phone` VARCHAR(32) NOT NULL,
    `Code` VARCHAR(10) NOT NULL,
    `Is_Used` TINYINT(1) NOT NULL DEFAULT 0,
    `Expires_at` DATETIME NOT NULL,
    `Created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    INDEX `otp_codes_Phone_Created_at_idx`(`Phone`, `Created_at`),
    PRIMARY KEY (`OTP_ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
